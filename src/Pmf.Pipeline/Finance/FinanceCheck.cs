using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Finance;

/// <summary>
/// The gate's rules for Finance rows (DQ091-DQ097): whose budget, which quarter, the amounts, the
/// variance against them, commentary past the tolerance, and rows that disagree. Finance rows are few
/// (one per service and quarter), so they are checked together, before the return's results stream.
/// </summary>
public static class FinanceCheck
{
    /// <summary>A forecast further than this share of the budget from it needs commentary (5%).</summary>
    public const decimal CommentaryTolerance = 0.05m;

    /// <summary>How far a given variance may be from forecast outturn less budget: rounding to the unit.</summary>
    public const decimal VarianceRounding = 1m;

    /// <summary>Checks <paramref name="rows"/> sent by <paramref name="context"/>'s sender service.</summary>
    public static IReadOnlyList<CheckedFinance> Check(IReadOnlyList<FinanceRow> rows, GateContext context)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(context);
        var councils = ServiceCouncils(context);
        var checkedRows = rows.Select(row => CheckRow(row, context, councils)).ToList();
        return Conflicts(checkedRows);
    }

    private static CheckedFinance CheckRow(FinanceRow row, GateContext context, Dictionary<string, SortedSet<string>> councils)
    {
        var issues = new List<QualityIssue>();
        var service = Service(row, context.SenderService, councils, issues);
        var council = service is null ? null : Council(row, service, councils[service], issues);
        var period = Quarter(row, context.AsOf, issues);
        var budget = Amount(row, row.Budget, FinanceColumns.Budget, issues);
        var forecast = Amount(row, row.ForecastOutturn, FinanceColumns.ForecastOutturn, issues);
        var commentary = CellText.Meaningful(row.Commentary);
        decimal? variance = null;
        if (budget is { } b && forecast is { } f)
        {
            variance = Variance(row, b, f, issues);
            if (variance is { } v && commentary is null && Math.Abs(v) > Math.Abs(b) * CommentaryTolerance)
            {
                issues.Add(Issue(QualityRules.FinanceVarianceUnexplained, row, FinanceColumns.Commentary, row.Commentary,
                    $"The forecast for {service ?? "the service"} is {Show(Math.Abs(v))} {(v > 0 ? "over" : "under")} budget ({Percent(v, b)}) and Commentary is blank. It has been loaded; say why, and what is being done, in Commentary in a corrected file or your next return."));
            }
        }

        if (issues.Any(i => i.Severity == Severity.Error) || service is null || council is null || period is null || variance is null)
        {
            return new CheckedFinance(row, null, issues);
        }

        var line = new FinanceLine(council, service, period, budget!.Value, forecast!.Value, variance.Value, commentary, row.Sheet, row.RowNumber);
        if (Unexplained(row, line, context) is { } restatement)
        {
            issues.Add(restatement);
            return new CheckedFinance(row, null, issues);
        }

        return new CheckedFinance(row, line, issues);
    }

    /// <summary>
    /// DQ098: a row changing the figures of a quarter its council has published is a restatement, and
    /// needs a reason in Commentary (shown with the restatement in the next report), as a result does (DQ090).
    /// </summary>
    private static QualityIssue? Unexplained(FinanceRow row, FinanceLine line, GateContext context)
    {
        if (line.Commentary is not null
            || !context.Finance.TryGetValue(StoredFinance.Key(line.CouncilCode, line.ServiceCode, line.Period.Key), out var published)
            || !context.IsPublished(line.CouncilCode, line.Period)
            || !published.DiffersFrom(line))
        {
            return null;
        }

        return Issue(QualityRules.FinanceRestatementWithoutReason, row, FinanceColumns.Commentary, row.Commentary,
            $"{line.ServiceCode}'s finance for {line.CouncilCode} in {line.Period.Key} has been published as {Figures(published.Budget, published.ForecastOutturn, published.Variance)}, and row {row.RowNumber} of the Finance sheet changes it to {Figures(line.Budget, line.ForecastOutturn, line.Variance)}, so it was not loaded: say in Commentary why the published figure is wrong (the reason is shown with the restatement in the next report) and send the file again.");
    }

    private static string Figures(decimal budget, decimal forecast, decimal variance) =>
        $"budget {Reports.ReportWords.Money(budget)}, forecast outturn {Reports.ReportWords.Money(forecast)} and variance {Reports.ReportWords.Money(variance)}";

    private static string? Service(FinanceRow row, string? sender, Dictionary<string, SortedSet<string>> councils, List<QualityIssue> issues)
    {
        var typed = CellText.Meaningful(row.Service);
        var code = typed ?? sender;
        if (code is not null && sender is not null && string.Equals(code, sender, StringComparison.OrdinalIgnoreCase))
        {
            return councils.Keys.FirstOrDefault(k => string.Equals(k, sender, StringComparison.OrdinalIgnoreCase)) ?? sender;
        }

        issues.Add(Issue(QualityRules.FinanceOtherService, row, FinanceColumns.Service, row.Service,
            $"Row {row.RowNumber} of the Finance sheet is for service '{code}', but this file came from {sender ?? "no service"}'s folder; a service sends only its own budget, so give {sender}'s figures, or send {code}'s from its own folder."));
        return null;
    }

    private static string? Council(FinanceRow row, string service, SortedSet<string> serves, List<QualityIssue> issues)
    {
        var typed = CellText.Meaningful(row.Council);
        if (typed is null && serves.Count == 1)
        {
            return serves.Min;
        }

        if (typed is not null && serves.FirstOrDefault(c => string.Equals(c, typed, StringComparison.OrdinalIgnoreCase)) is { } known)
        {
            return known;
        }

        var which = serves.Count == 0 ? "no council (the catalogue gives it no indicators)" : string.Join(" or ", serves);
        var message = typed is null
            ? $"Row {row.RowNumber} of the Finance sheet gives no Council, and {service} reports for {which}; say in Council whose budget it is (one row per council)."
            : $"Row {row.RowNumber} of the Finance sheet says Council '{typed}', but {service} reports for {which}; give one of those.";
        issues.Add(Issue(QualityRules.FinanceCouncilUnclear, row, FinanceColumns.Council, row.Council, message));
        return null;
    }

    private static Period? Quarter(FinanceRow row, DateOnly asOf, List<QualityIssue> issues)
    {
        var read = row.Period.Value is DateTime date
            ? new PeriodParseResult(Period.Containing(DateOnly.FromDateTime(date), Frequency.Quarterly), null)
            : PeriodParser.Parse(row.Period.Text, Frequency.Quarterly);
        string? problem = read.Period switch
        {
            null => $"Row {row.RowNumber} of the Finance sheet has no quarter the pipeline can read in Period ('{row.Period.Text}'); write it like 2026/27 Q2.",
            { Frequency: not Frequency.Quarterly } p => $"Row {row.RowNumber} of the Finance sheet gives {p.Key}, which is not a quarter; finance is reported by quarter, like 2026/27 Q2.",
            { } p when p.End >= asOf => $"Row {row.RowNumber} of the Finance sheet is for {p.Key}, which does not end until {p.End:dd/MM/yyyy}; send it once the quarter is over.",
            _ => null,
        };
        if (problem is null)
        {
            return read.Period;
        }

        issues.Add(Issue(QualityRules.FinancePeriodUnreadable, row, FinanceColumns.Period, row.Period, problem));
        return null;
    }

    private static decimal? Amount(FinanceRow row, WorkbookCell cell, string column, List<QualityIssue> issues)
    {
        var reading = NumberNormaliser.Read(cell);
        if (reading.Number is { } number && Math.Abs(number) < 1e15m)
        {
            return number;
        }

        var what = cell.IsBlank ? "is blank" : $"is not an amount ('{cell.Text}')";
        issues.Add(Issue(QualityRules.FinanceAmountMissing, row, column, cell,
            $"{column} on row {row.RowNumber} of the Finance sheet {what}; type the amount, like 1,250,000."));
        return null;
    }

    private static decimal? Variance(FinanceRow row, decimal budget, decimal forecast, List<QualityIssue> issues)
    {
        var expected = forecast - budget;
        if (row.Variance.IsBlank)
        {
            return expected;
        }

        var reading = NumberNormaliser.Read(row.Variance);
        if (reading.Number is { } given && Math.Abs(given - expected) <= VarianceRounding)
        {
            return given;
        }

        issues.Add(Issue(QualityRules.FinanceVarianceMismatch, row, FinanceColumns.Variance, row.Variance,
            $"Variance on row {row.RowNumber} of the Finance sheet is {row.Variance.Text}, but Forecast outturn less Budget is {Show(forecast)} − {Show(budget)} = {Show(expected)}; correct whichever is wrong (or leave Variance blank to have it worked out)."));
        return null;
    }

    /// <summary>Rows for one council, service and quarter that disagree are all rejected; an exact repeat loads once.</summary>
    private static List<CheckedFinance> Conflicts(List<CheckedFinance> rows)
    {
        var result = new List<CheckedFinance>(rows.Count);
        foreach (var group in rows.GroupBy(r => r.Line is { } l ? $"{l.CouncilCode}|{l.ServiceCode}|{l.Period.Key}" : $"#{r.Source.RowNumber}", StringComparer.OrdinalIgnoreCase))
        {
            var lines = group.ToList();
            if (lines.Count == 1 || lines[0].Line is null)
            {
                result.AddRange(lines);
            }
            else if (lines.Select(l => (l.Line!.Budget, l.Line.ForecastOutturn, l.Line.Variance)).Distinct().Count() == 1)
            {
                // An exact repeat loads once, flagged as a repeated row (DQ030).
                result.Add(lines[0]);
                result.AddRange(lines.Skip(1).Select(l => l with
                {
                    Line = null,
                    Issues = [.. l.Issues, Issue(QualityRules.RepeatedRow, l.Source, FinanceColumns.Budget, l.Source.Budget, $"Row {l.Source.RowNumber} of the Finance sheet repeats row {lines[0].Source.RowNumber}; it is loaded once.")],
                }));
            }
            else
            {
                var where = string.Join(", ", lines.Select(l => l.Source.RowNumber));
                result.AddRange(lines.Select(l => l with
                {
                    Line = null,
                    Issues = [.. l.Issues, Issue(QualityRules.FinanceConflictingRows, l.Source, FinanceColumns.Budget, l.Source.Budget,
                        $"Rows {where} of the Finance sheet give different figures for {l.Line!.ServiceCode} ({l.Line.CouncilCode}) in {l.Line.Period.Key}, so none of them was loaded; keep one row and send the file again.")],
                }));
            }
        }

        return [.. result.OrderBy(r => r.Source.RowNumber)];
    }

    private static Dictionary<string, SortedSet<string>> ServiceCouncils(GateContext context)
    {
        var map = new Dictionary<string, SortedSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var version in context.Indicators.Values.Select(v => v[^1].Definition))
        {
            if (!map.TryGetValue(version.ServiceCode, out var set))
            {
                map[version.ServiceCode] = set = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
            }

            set.Add(version.CouncilCode);
        }

        if (context.SenderService is { } sender && !map.ContainsKey(sender))
        {
            map[sender] = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        }

        return map;
    }

    private static QualityIssue Issue(QualityRule rule, FinanceRow row, string column, WorkbookCell cell, string message) =>
        new(rule.Id, rule.Severity, message, row.Sheet, row.RowNumber, column, cell.Text, IndicatorCode: null, PeriodKey: null);

    private static string Show(decimal amount) => amount.ToString("#,##0.##", System.Globalization.CultureInfo.InvariantCulture);

    private static string Percent(decimal variance, decimal budget) =>
        budget == 0 ? "against a budget of 0" : $"{Math.Abs(variance) * 100 / Math.Abs(budget):0.#}% of the budget";
}
