using System.Globalization;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Scoring;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Reports;

/// <summary>
/// The words every report, digest and page shares: the RAG and direction of travel, and UK times.
/// </summary>
internal static class ReportWords
{
    /// <summary>The word for an expected result that was not received (or a nil return).</summary>
    public const string NotReported = "Not reported";

    /// <summary>The mark on every page of a report whose period is not yet approved.</summary>
    public const string Draft = "DRAFT";

    /// <summary>Under a draft report's title.</summary>
    public const string DraftNote = "Draft: not yet approved. The figures may change before the report is approved and published.";

    /// <summary>The heading of the restatements a report lists.</summary>
    public const string RestatementsHeading = "Published figures restated";

    /// <summary>One restatement as a report lists it.</summary>
    public static string Restated(Publication.Restatement r, string unit) =>
        $"{r.IndicatorCode} {r.IndicatorName}, {r.Period.Key}: published as {ReportFormat.Value(r.OldValue, unit)} ({r.OldRag}), now {ReportFormat.Value(r.NewValue, unit)} ({r.NewRag}); "
        + (r.Kind == "Rescore" ? "rescored against a changed target" : "corrected by the service")
        + $" on {UkDate(r.RecordedAt)}. Reason: {r.Reason}";

    /// <summary>What a finance restatement is about, e.g. "Finance for Housing".</summary>
    public static string FinanceOf(Publication.FinanceRestatement r) => $"Finance for {r.ServiceName}";

    /// <summary>One finance restatement as a report lists it, in the words of <see cref="Restated(Publication.Restatement, string)"/>.</summary>
    public static string Restated(Publication.FinanceRestatement r) =>
        $"{FinanceOf(r)}, {r.Period.Key}: published as {Position(r.OldBudget, r.OldForecastOutturn, r.OldVariance)}; now {Position(r.NewBudget, r.NewForecastOutturn, r.NewVariance)}; "
        + $"corrected by the service on {UkDate(r.RecordedAt)}. Reason: {r.Reason}";

    private static string Position(decimal budget, decimal forecast, decimal variance) =>
        $"forecast outturn {Money(forecast)} on a budget of {Money(budget)}, {Variance(variance, budget)}";

    private static string UkDate(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, UkClock.Zone).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>What a year-to-date figure is called wherever a report shows it.</summary>
    public const string YearToDate = "year to date";

    /// <summary>The period an indicator's figure covers: "2026/27 M06, year to date" for a year-to-date indicator.</summary>
    public static string PeriodOf(ReportedIndicator indicator) =>
        indicator.YearToDate ? $"{indicator.PeriodCode}, {YearToDate}" : indicator.PeriodCode;

    /// <summary>
    /// One changed target as the catalogue load lists it: "ASH-HOU-01 2026/27: 30.6 → 35 from 03/12/2026
    /// (Cabinet raised it); 2 periods that ended before then keep 30.6".
    /// </summary>
    public static string TargetChange(TargetChange change)
    {
        if (change.To is not { } to)
        {
            return $"{change.IndicatorCode} {change.Period}: the target of {Number(change.From)} is no longer set; results are not judged against it any more";
        }

        var line = $"{change.IndicatorCode} {change.Period}: {Number(change.From)} → {Number(to)} from {change.EffectiveFrom:dd/MM/yyyy} ";
        line += change.Reason is { } reason ? $"({reason})" : "(no reason given: add one in the Targets sheet's Reason column)";
        return change.PeriodsKeepingOld > 0
            ? line + $"; {Count(change.PeriodsKeepingOld, "period")} that ended before then keep {Number(change.From)}"
            : line;
    }

    private static string Number(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    /// <summary>An amount of money as a report shows it: £1,250,000; a negative one −£40,000.</summary>
    public static string Money(decimal amount) =>
        (amount < 0 ? "−£" : "£") + Math.Abs(amount).ToString("#,##0.##", CultureInfo.InvariantCulture);

    /// <summary>A forecast's variance from budget in words: "£60,000 over (5.0%)", "£40,000 under (2.1%)", "on budget".</summary>
    public static string Variance(decimal variance, decimal budget)
    {
        if (variance == 0)
        {
            return "on budget";
        }

        var share = budget == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $" ({Math.Abs(variance) * 100 / Math.Abs(budget):0.0}%)");
        return $"{Money(Math.Abs(variance))} {(variance > 0 ? "over" : "under")}{share}";
    }

    /// <summary>"1 row", "3 rows": a count with its noun, as every page and message says it.</summary>
    public static string Count(int n, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");


    /// <summary>The RAG categories in the order a report counts them; null is not reported.</summary>
    public static IReadOnlyList<RagStatus?> RagCategories { get; } = [RagStatus.Red, RagStatus.Amber, RagStatus.Green, RagStatus.DataOnly, null];

    /// <summary>Red, Amber, Green, Data only, or <see cref="NotReported"/> for null.</summary>
    public static string Rag(RagStatus? rag) => rag switch
    {
        RagStatus.Red => "Red",
        RagStatus.Amber => "Amber",
        RagStatus.Green => "Green",
        RagStatus.DataOnly => "Data only",
        _ => NotReported,
    };

    /// <summary>The direction with its arrow, e.g. "▲ Improving"; a dash when not comparable.</summary>
    public static string Direction(DirectionOfTravel direction) => direction switch
    {
        DirectionOfTravel.Improving => "▲ Improving",
        DirectionOfTravel.Worsening => "▼ Worsening",
        DirectionOfTravel.Steady => "► Steady",
        _ => "–",
    };

    /// <summary>A UK wall-clock time, as the sender lives it.</summary>
    public static string UkTime(DateTimeOffset instant) => UkClock.Text(instant);
}
