using System.Globalization;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Scoring;

namespace Pmf.Pipeline.Samples;

/// <summary>
/// Two financial years of quarterly returns from every service, in the order they are dropped,
/// with the faults real councils see: a late service, a file with errors, a corrected
/// resubmission, the same file dropped twice, a nil return, a Red result without commentary, a
/// title block above the header, an .xls and a .csv. Values are deterministic.
/// </summary>
public static class SampleReturns
{
    /// <summary>The service whose latest return never arrives (the demo's late return).</summary>
    public const string LateService = "ENV";

    /// <summary>Every sample return up to the last quarter that has ended by <paramref name="today"/>.</summary>
    public static IReadOnlyList<SampleReturnFile> Create(Framework framework, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var latest = Period.Containing(today, Frequency.Quarterly).Previous();
        var quarters = Enumerable.Range(0, 8)
            .Select(back => Enumerable.Range(0, back).Aggregate(latest, (p, _) => p.Previous()))
            .Where(q => q.Year.StartYear >= latest.Year.StartYear - 1)
            .OrderBy(q => q.SortKey)
            .ToList();
        var targets = framework.Targets.ToLookup(t => t.IndicatorCode, StringComparer.OrdinalIgnoreCase);

        var files = new List<SampleReturnFile>();
        foreach (var quarter in quarters)
        {
            var isLatest = quarter == latest;
            foreach (var service in framework.Services)
            {
                if (isLatest && service.Code == LateService)
                {
                    continue;
                }

                var indicators = framework.Indicators
                    .Where(i => i.ServiceCode == service.Code && i.Source == Indicator.ReturnSource)
                    .OrderBy(i => i.Code, StringComparer.Ordinal)
                    .ToList();
                var lines = indicators.SelectMany(i => PeriodsIn(quarter, i.Frequency).Select(p => Line(i, p, targets[i.Code]))).ToList();
                if (lines.Count == 0)
                {
                    continue;
                }

                files.AddRange(Files(Partnership(framework), service, quarter, lines, isLatest));
            }
        }

        return files;
    }

    /// <summary>
    /// The monthly rows of the quarter in progress on <paramref name="today"/> that have already fallen due
    /// (<see cref="ReturnDueDate"/>: a month's row is due its own working days after the month ends): one file
    /// per service and month, as a service with monthly indicators sends them before its quarterly return.
    /// </summary>
    public static IReadOnlyList<SampleReturnFile> MonthsDueSoFar(Framework framework, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var quarter = Period.Containing(today, Frequency.Quarterly);
        var nations = framework.Councils.ToDictionary(c => c.Code, c => c.Nation, StringComparer.OrdinalIgnoreCase);
        var targets = framework.Targets.ToLookup(t => t.IndicatorCode, StringComparer.OrdinalIgnoreCase);
        var files = new List<SampleReturnFile>();
        foreach (var month in PeriodsIn(quarter, Frequency.Monthly).Where(m => m.End < today))
        {
            foreach (var service in framework.Services)
            {
                var lines = framework.Indicators
                    .Where(i => i.ServiceCode == service.Code && i.Source == Indicator.ReturnSource && i.Frequency == Frequency.Monthly
                                && ReturnDueDate.For(month, i.DueWorkingDays, nations.GetValueOrDefault(i.CouncilCode, Nation.England)) < today)
                    .OrderBy(i => i.Code, StringComparer.Ordinal)
                    .Select(i => Line(i, month, targets[i.Code]))
                    .ToList();
                if (lines.Count > 0)
                {
                    var title = new[] { Partnership(framework), $"Monthly performance return: {service.Name}", "Monthly indicators only; the quarter's other rows follow in the quarterly return." };
                    files.Add(new SampleReturnFile(service.Code, $"{service.Code} {month.Key.Replace('/', '-')} return.xlsx", SampleFormat.Xlsx, lines, null, title, "monthly rows, on time"));
                }
            }
        }

        return files;
    }

    /// <summary>Who the returns are for, as their title says: the council, or the councils that share services.</summary>
    private static string Partnership(Framework framework) =>
        framework.Councils.Any(c => c.Code == "ASH") ? "Ashby Vale and Brookmere partnership" : string.Join(" and ", framework.Councils.Select(c => c.Name));

    private static IEnumerable<SampleReturnFile> Files(string partnership, Service service, Period quarter, List<SampleReturnLine> lines, bool isLatest)
    {
        var title = new[] { partnership, $"Quarterly performance return: {service.Name}", "Fill in one row per indicator and period. Commentary is required for any result below target." };
        var name = $"{service.Code} {quarter.Key.Replace('/', '-')} return";
        var plain = new SampleReturnFile(service.Code, name + ".xlsx", SampleFormat.Xlsx, lines, null, title, "on time");
        if (!isLatest)
        {
            // Communities send a legacy .xls and Customer Services a CSV export, every quarter.
            yield return service.Code switch
            {
                "COM" => plain with { FileName = name + ".xls", Format = SampleFormat.Xls, Story = ".xls workbook" },
                "CUS" => plain with { FileName = name + ".csv", Format = SampleFormat.Csv, TitleBlock = [], Story = "CSV export" },
                _ => plain,
            };
            yield break;
        }

        switch (service.Code)
        {
            case "WST":
                // A file with errors: an unknown code, text in a value cell, a percentage over 100.
                yield return plain with
                {
                    Story = "file with errors",
                    Lines = [.. lines.Select((l, i) => i switch
                    {
                        0 => l with { Indicator = l.Indicator + "X" },
                        1 => l with { Value = "tbc" },
                        _ => l,
                    }), new SampleReturnLine(lines[0].Indicator, lines[0].Period, 152m)],
                };
                break;
            case "PLN":
                yield return plain with { Story = "first submission" };
                yield return plain with
                {
                    FileName = name + " (corrected).xlsx",
                    Story = "corrected resubmission",
                    Lines = [.. lines.Take(2).Select(l => l with { Value = l.Value is decimal v ? v + 3m : l.Value, Numerator = null, Denominator = null, Commentary = "Corrected after validation of the quarter's figures." })],
                };
                break;
            case "CUS":
                var csv = plain with { FileName = name + ".csv", Format = SampleFormat.Csv, TitleBlock = [], Story = "CSV export" };
                yield return csv;
                yield return csv with { Story = "the same file dropped twice" };
                break;
            case "HRD":
                yield return plain with
                {
                    Story = "nil return",
                    Lines = [.. lines.Select((l, i) => i == 0 ? l with { Value = null, Commentary = "No figure this quarter: the HR system migration lost the absence records; it will be restated next quarter." } : l)],
                };
                break;
            case "FIN":
                yield return plain with
                {
                    Story = "Red result without commentary",
                    Lines = [.. lines.Select((l, i) => i == 0 ? l with { Value = 71.4m, Numerator = null, Denominator = null, Commentary = null, RemedialAction = null } : l)],
                };
                break;
            case "HOU":
                yield return plain with { Story = "period stated above the header", StatedPeriod = quarter.Key, Lines = [.. lines.Where(l => l.Period == quarter.Key)] };
                break;
            default:
                yield return plain;
                break;
        }
    }

    private static IEnumerable<Period> PeriodsIn(Period quarter, Frequency frequency) => frequency switch
    {
        Frequency.Monthly => Enumerable.Range(0, 3).Select(m => Period.Containing(quarter.Start.AddMonths(m), Frequency.Monthly)),
        Frequency.Quarterly => [quarter],
        _ => quarter.Number == 4 ? [Period.Annual(quarter.Year.StartYear)] : [],
    };

    private static SampleReturnLine Line(Indicator indicator, Period period, IEnumerable<Target> targets)
    {
        var periodText = period.Key;
        if (indicator.Type == IndicatorType.Qualitative)
        {
            var status = Pick(indicator.Code, period, ["On track", "On track", "At risk", "On track", "Off track"]);
            return new SampleReturnLine(indicator.Code, periodText, null, Status: status,
                Commentary: status == "On track" ? "Milestones for the period met." : "Contractor delays; revised plan agreed with the portfolio holder.");
        }

        var target = targets.Where(t => t.Period == period || (t.Period.Frequency == Frequency.Annual && t.Period.Year == period.Year))
            .OrderBy(t => t.Period == period ? 0 : 1).Select(t => (decimal?)t.Value).FirstOrDefault();
        var typical = target is > 0 ? target.Value : TypicalValue(indicator);
        var swing = (Noise(indicator.Code, period) - 0.35m) * 0.16m; // a little better than target more often than not
        var better = indicator.Polarity == Polarity.LowerIsBetter ? -swing : swing;
        var value = Round(indicator, typical * (1 + better));
        var rag = RagRule.Evaluate(value, target, indicator.Polarity, indicator.Tolerance);
        var line = new SampleReturnLine(indicator.Code, periodText, value);
        if (indicator.Unit == Unit.Percent && value < 100m)
        {
            var denominator = 400m + (int)(Noise(indicator.Code + "d", period) * 400m);
            line = line with { Numerator = Math.Round(value * denominator / 100m, 0), Denominator = denominator };
            line = line with { Value = Math.Round((decimal)line.Numerator! / denominator * 100m, 1) };
        }

        return rag == RagStatus.Red
            ? line with
            {
                Commentary = "Below target: staffing vacancies in the team during the period.",
                RemedialAction = "Agency cover approved; recovery plan reviewed monthly by the head of service.",
            }
            : line;
    }

    private static decimal TypicalValue(Indicator indicator) => indicator.Unit switch
    {
        Unit.Count => 120m,
        Unit.Percent => 75m,
        _ => 50m,
    };

    private static decimal Round(Indicator indicator, decimal value) => indicator.Unit switch
    {
        Unit.Count => Math.Round(value, 0),
        Unit.Percent => Math.Clamp(Math.Round(value, 1), 0m, 100m),
        Unit.Pounds => Math.Round(value, 0),
        _ => Math.Round(value, 1),
    };

    private static string Pick(string code, Period period, string[] choices) => choices[(int)(Noise(code, period) * choices.Length) % choices.Length];

    /// <summary>A deterministic number in [0, 1) for an indicator and period.</summary>
    private static decimal Noise(string code, Period period)
    {
        var hash = 17u;
        foreach (var ch in string.Create(CultureInfo.InvariantCulture, $"{code}|{period.Key}"))
        {
            hash = unchecked((hash * 31u) ^ ch);
        }

        hash ^= hash >> 13;
        hash = unchecked(hash * 0x5bd1e995u);
        hash ^= hash >> 15;
        return (hash % 10000u) / 10000m;
    }
}
