using System.Globalization;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Scoring;

namespace Pmf.Pipeline.Reports;

/// <summary>
/// The top of a quarterly report, as a committee paper opens: the recommendation the committee is asked to
/// make, what improved and what worsened most (with the figures), and the items that need a decision. The
/// counts by RAG per priority are the report's own <see cref="PerformanceReport.Summary"/>.
/// </summary>
/// <param name="Recommendation">"That Cabinet approves the Quarter 2 2026/27 performance report…".</param>
/// <param name="Improved">The indicators that improved most on their comparison period, largest change first.</param>
/// <param name="Worsened">The indicators that worsened most, largest change first.</param>
/// <param name="Decisions">What the committee is asked to decide, Red indicators without remedial action first.</param>
public sealed record ExecutiveSummary(
    string Recommendation,
    IReadOnlyList<Movement> Improved,
    IReadOnlyList<Movement> Worsened,
    IReadOnlyList<DecisionItem> Decisions)
{
    /// <summary>How many improvers and how many decliners the summary names.</summary>
    public const int MoversShown = 3;

    /// <summary>The summary of <paramref name="report"/>.</summary>
    public static ExecutiveSummary Of(PerformanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var moves = report.Indicators.Select(Movement.Of).OfType<Movement>().ToList();
        return new ExecutiveSummary(
            Recommendations.For(report),
            [.. moves.Where(m => m.Direction == DirectionOfTravel.Improving).OrderByDescending(m => m.Size).ThenBy(m => m.Indicator.Code, StringComparer.Ordinal).Take(MoversShown)],
            [.. moves.Where(m => m.Direction == DirectionOfTravel.Worsening).OrderByDescending(m => m.Size).ThenBy(m => m.Indicator.Code, StringComparer.Ordinal).Take(MoversShown)],
            DecisionItem.For(report));
    }
}

/// <summary>
/// One indicator's change against the period it is compared with: the period before, or for a
/// year-to-date indicator the same period last year (like with like). The direction is the warehouse's.
/// </summary>
/// <param name="Indicator">The indicator.</param>
/// <param name="ComparedWith">The period compared with.</param>
/// <param name="From">Its value then.</param>
/// <param name="To">Its value now.</param>
/// <param name="Direction">Improving or Worsening, allowing for polarity.</param>
public sealed record Movement(ReportedIndicator Indicator, string ComparedWith, decimal From, decimal To, DirectionOfTravel Direction)
{
    /// <summary>The size of the change relative to the earlier value (or to the target when the earlier value was 0), which ranks changes in different units.</summary>
    public decimal Size
    {
        get
        {
            var scale = Math.Max(Math.Abs(From), Math.Abs(Indicator.Result?.Target ?? 0m));
            return scale == 0 ? 0 : Math.Abs(To - From) / scale;
        }
    }

    /// <summary>"42.5% in 2026/27 Q2, up from 40% in 2026/27 Q1 (2.5 percentage points)".</summary>
    public string Words
    {
        get
        {
            var unit = Indicator.Unit;
            var delta = Math.Abs(To - From);
            var change = unit == "%"
                ? delta.ToString("0.##", CultureInfo.InvariantCulture) + (delta == 1 ? " percentage point" : " percentage points")
                : ReportFormat.Value(delta, unit);
            return $"{ReportFormat.Value(To, unit)} in {ReportWords.PeriodOf(Indicator)}, {(To > From ? "up" : "down")} from {ReportFormat.Value(From, unit)} in {ComparedWith} ({change})";
        }
    }

    /// <summary>The movement of <paramref name="indicator"/>, or null when it has no value, no earlier value to compare, or did not move.</summary>
    public static Movement? Of(ReportedIndicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (indicator.Result is not { Value: { } now, IsNilReturn: false } result
            || result.DirectionVsPrevious is not (DirectionOfTravel.Improving or DirectionOfTravel.Worsening)
            || PeriodParser.Parse(indicator.PeriodCode).Period is not { } period)
        {
            return null;
        }

        var compared = indicator.YearToDate ? period.SameLastYear() : period.Previous();
        var before = indicator.Trend.FirstOrDefault(t => t.PeriodCode == compared.Key)?.Value;
        if (before is not { } then || then == now || Math.Max(Math.Abs(then), Math.Abs(result.Target ?? 0m)) == 0)
        {
            return null;
        }

        return new Movement(indicator, compared.Key, then, now, result.DirectionVsPrevious);
    }
}

/// <summary>Why an item needs the committee's decision.</summary>
public enum DecisionKind
{
    /// <summary>A Red indicator whose service gave no remedial action.</summary>
    RedWithoutAction,

    /// <summary>A published figure corrected or rescored since publication.</summary>
    Restatement,

    /// <summary>An expected return not received by its due date.</summary>
    OverdueReturn,
}

/// <summary>One item the committee is asked to decide on.</summary>
/// <param name="Kind">Why it is here.</param>
/// <param name="Item">The indicator, e.g. <c>ASH-HOU-01 Homes delivered</c>.</param>
/// <param name="Why">What the report shows, with the figures.</param>
/// <param name="Ask">What the committee is asked to do.</param>
public sealed record DecisionItem(DecisionKind Kind, string Item, string Why, string Ask)
{
    /// <summary>The items of <paramref name="report"/>: Red without remedial action, restatements, then overdue returns.</summary>
    public static IReadOnlyList<DecisionItem> For(PerformanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var today = UkClock.DateAt(report.GeneratedAt);
        var units = report.Indicators.GroupBy(i => i.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Unit, StringComparer.Ordinal);
        var reds = report.Indicators
            .Where(i => i.RagCategory == RagStatus.Red && string.IsNullOrWhiteSpace(i.Result!.RemedialAction))
            .Select(i => new DecisionItem(
                DecisionKind.RedWithoutAction, $"{i.Code} {i.Name}",
                $"Red: {ReportFormat.Value(i.Result!.Value, i.Unit)} against a target of {ReportFormat.Value(i.Result.Target, i.Unit)} in {ReportWords.PeriodOf(i)}; {i.ServiceName} gave no remedial action.",
                $"Ask {i.ServiceName} for a remedial action, or agree one."));
        var restated = report.Restatements.Select(r => new DecisionItem(
            DecisionKind.Restatement, $"{r.IndicatorCode} {r.IndicatorName}",
            ReportWords.Restated(r, units.GetValueOrDefault(r.IndicatorCode, "")),
            "Note the restated figure; the published report it changes is not re-issued."));
        var restatedFinance = report.FinanceRestatements.Select(r => new DecisionItem(
            DecisionKind.Restatement, ReportWords.FinanceOf(r), ReportWords.Restated(r),
            "Note the restated figure; the published report it changes is not re-issued."));
        var overdue = report.Indicators
            .Where(i => !i.Reported && i.DueDate is { } due && due < today)
            .Select(i => new DecisionItem(
                DecisionKind.OverdueReturn, $"{i.Code} {i.Name}",
                $"No result for {i.PeriodCode} from {i.ServiceName}; it was due on {ReportFormat.Date(i.DueDate)}.",
                $"Ask {i.ServiceName} for the return, or record why there is none."));
        return [.. reds, .. restated, .. restatedFinance, .. overdue];
    }
}
