using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Scoring;

namespace Pmf.Pipeline.Samples.Frameworks;

/// <summary>
/// A measure a council's plan reports, written once for every council that shares it: where it sits in
/// each council's plan (a priority code, or an objective code whose priority is looked up; null when that
/// council does not report it) and how it is measured. Codes become e.g. <c>SDC-HOU-01</c>.
/// </summary>
internal sealed record DemoMeasure(
    string Code,
    string Name,
    string Service,
    string?[] Places,
    IndicatorType Type,
    Unit Unit,
    Polarity Polarity,
    Frequency Frequency,
    decimal? Target,
    decimal Tolerance,
    string Source = Indicator.ReturnSource,
    string? Description = null)
{
    /// <summary>A qualitative measure (a programme or plan reported by its status and commentary).</summary>
    public static DemoMeasure Qualitative(string code, string name, string service, string?[] places, Frequency frequency, string description) =>
        new(code, name, service, places, IndicatorType.Qualitative, Unit.Score, Polarity.None, frequency, null, 0m, Description: description);

    /// <summary>
    /// The indicators and targets of <paramref name="measures"/> for <paramref name="councils"/> (in the
    /// order of each measure's places), with targets for <paramref name="currentYear"/> and the year before.
    /// </summary>
    public static (List<Indicator> Indicators, List<Target> Targets) Build(
        IReadOnlyList<Council> councils, IReadOnlyList<Priority> priorities, IReadOnlyList<Service> services,
        IReadOnlyList<DemoMeasure> measures, FinancialYear currentYear, Func<DemoMeasure, Council, string?> committee)
    {
        var indicators = new List<Indicator>();
        var targets = new List<Target>();
        for (var c = 0; c < councils.Count; c++)
        {
            var council = councils[c];
            foreach (var m in measures)
            {
                if (m.Places[c] is not { } place)
                {
                    continue;
                }

                var objective = priorities.FirstOrDefault(p => p.CouncilCode == council.Code && p.ObjectiveCode == place);
                var code = $"{council.Code}-{m.Code}";
                indicators.Add(new Indicator
                {
                    Code = code,
                    Name = m.Name,
                    Description = m.Description ?? $"{m.Name}, {council.Name}.",
                    CouncilCode = council.Code,
                    PriorityCode = objective?.Code ?? place,
                    ObjectiveCode = objective?.ObjectiveCode,
                    ServiceCode = m.Service,
                    Type = m.Type,
                    Unit = m.Unit,
                    Polarity = m.Polarity,
                    Frequency = m.Frequency,
                    Multiplier = m.Unit switch { Unit.Percent => 100m, Unit.Ratio when m.Name.Contains("per 1,000", StringComparison.Ordinal) => 1000m, _ => 1m },
                    // Percentages and money carry an absolute band; other units a % of target.
                    Tolerance = new Tolerance(m.Tolerance, IsPercentOfTarget: m.Unit != Unit.Percent && m.Unit != Unit.Pounds),
                    DueWorkingDays = m.Frequency == Frequency.Annual ? 20 : 10,
                    Source = m.Source,
                    LeadOfficer = services.Single(s => s.Code == m.Service).HeadOfService,
                    Committee = committee(m, council),
                    PercentBeyondRange = m.Unit == Unit.Percent && m.Target > 100m,
                });
                if (m.Target is { } target)
                {
                    // Targets stretch a little in the current year: a point for a percentage (never past 100), 2-3% otherwise.
                    var current = (m.Unit, m.Polarity) switch
                    {
                        (_, Polarity.None) => target,
                        (Unit.Percent, Polarity.HigherIsBetter) => Math.Max(target, Math.Min(target + 1m, 100m)),
                        (Unit.Percent, _) => Math.Max(target - 1m, 0m),
                        (_, Polarity.HigherIsBetter) => Math.Round(target * 1.02m, 2),
                        _ => Math.Round(target * 0.97m, 2),
                    };
                    targets.Add(new Target(code, Period.Annual(currentYear.StartYear - 1), target, null));
                    targets.Add(new Target(code, Period.Annual(currentYear.StartYear), current, null));
                }
            }
        }

        return (indicators, targets);
    }
}
