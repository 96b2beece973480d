using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Scoring;

namespace Pmf.Pipeline.Reports;

/// <summary>Which performance report: the quarter's, or the financial year's strategic review.</summary>
public enum PerformanceReportKind
{
    /// <summary>One quarter: each indicator's position at the quarter's end.</summary>
    Quarterly,

    /// <summary>A financial year: each indicator's position at the year's end, the year's trend and its achievements.</summary>
    Annual,
}

/// <summary>
/// One council's performance report for one quarter or financial year, read from the warehouse:
/// every indicator expected for the period with its current published result (or none), its trend,
/// and the data-quality caveats on those results. RAG and direction of travel are the warehouse's.
/// </summary>
/// <param name="CouncilCode">The council's code.</param>
/// <param name="CouncilName">The council's name.</param>
/// <param name="Kind">Quarterly or annual.</param>
/// <param name="Period">The quarter or the financial year reported.</param>
/// <param name="GeneratedAt">When the report was produced; missing returns are overdue or not yet due as of this instant.</param>
/// <param name="Indicators">Every indicator the report covers, in priority, objective and code order.</param>
/// <param name="Caveats">Data-quality caveats on the period's results.</param>
public sealed record PerformanceReport(
    string CouncilCode,
    string CouncilName,
    PerformanceReportKind Kind,
    Period Period,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<ReportedIndicator> Indicators,
    IReadOnlyList<QualityCaveat> Caveats)
{
    /// <summary>The committee the report is written for, or null for the council's whole report.</summary>
    public ReportCommittee? Committee { get; init; }

    /// <summary>The council's executive (the first committee of kind Executive on the Committees sheet), which approves its reports; null when there is none.</summary>
    public ReportCommittee? Executive { get; init; }

    /// <summary>
    /// The period each indicator is shown at the end of: <see cref="Period"/>, or for an annual review of a year
    /// not yet over, its latest ended quarter.
    /// </summary>
    public Period? Closing { get; init; }

    /// <summary>The period each indicator is shown at the end of (<see cref="Closing"/>, or the period itself when unset).</summary>
    public Period AsAt => Closing ?? Period;

    /// <summary>True when the report covers its whole period; false for an annual review of the year so far.</summary>
    public bool IsComplete => AsAt.End == Period.End;

    /// <summary>True when no indicator has a result for the period.</summary>
    public bool HasNoResults => Indicators.All(i => !i.Reported);

    /// <summary>RAG counts per priority, in the order priorities appear.</summary>
    public IReadOnlyList<RagCounts> Summary => [.. Indicators
        .GroupBy(i => (i.PriorityCode, i.PriorityName))
        .Select(g => RagCounts.Of(g.Key.PriorityCode, g.Key.PriorityName, g.Select(i => i.RagCategory)))];

    /// <summary>RAG counts over every priority.</summary>
    public RagCounts Total => RagCounts.Of("", "All priorities", Indicators.Select(i => i.RagCategory));

    /// <summary>Case studies services marked for the annual report in the year; empty for a quarterly report.</summary>
    public IReadOnlyList<CaseStudy> CaseStudies { get; init; } = [];

    /// <summary>True until the council's period is approved: every page of the report then says DRAFT.</summary>
    public bool IsDraft { get; init; }

    /// <summary>The council's delivery-plan actions (a committee's report: only those it receives), in plan order, each with its latest update (and, in an annual review, its milestones).</summary>
    public IReadOnlyList<ReportedAction> Actions { get; init; } = [];

    /// <summary>The actions delivering <paramref name="priorityCode"/> and <paramref name="objectiveCode"/> (empty: the priority as a whole).</summary>
    public IEnumerable<ReportedAction> ActionsOf(string priorityCode, string objectiveCode) =>
        Actions.Where(a => a.PriorityCode == priorityCode && a.ObjectiveCode == objectiveCode);

    /// <summary>Published figures changed since (corrections and rescoring), with their reasons, oldest first.</summary>
    public IReadOnlyList<Publication.Restatement> Restatements { get; init; } = [];

    /// <summary>Finance (a service's budget position for a quarter) restated since publication, with its reason; listed with <see cref="Restatements"/>.</summary>
    public IReadOnlyList<Publication.FinanceRestatement> FinanceRestatements { get; init; } = [];

    /// <summary>Each service's budget, forecast outturn and variance at the report's quarter (the council's, every service).</summary>
    public IReadOnlyList<ReportedFinance> Finance { get; init; } = [];
}

/// <summary>A service's story of what its work meant for residents, marked for the annual report in a return.</summary>
/// <param name="IndicatorCode">The indicator whose row carried it.</param>
/// <param name="IndicatorName">Its name.</param>
/// <param name="PriorityCode">The priority it serves.</param>
/// <param name="PriorityName">The priority's name.</param>
/// <param name="ServiceName">The service that sent it.</param>
/// <param name="PeriodCode">The period of the row.</param>
/// <param name="Title">The case study's title.</param>
/// <param name="Story">The story (the row's commentary).</param>
public sealed record CaseStudy(string IndicatorCode, string IndicatorName, string PriorityCode, string PriorityName, string ServiceName, string PeriodCode, string Title, string Story);

/// <summary>One indicator in a report: its definition, and its result for the period if one was published.</summary>
/// <param name="Code">Indicator code.</param>
/// <param name="Name">Indicator name.</param>
/// <param name="Type">Quantitative or Qualitative.</param>
/// <param name="Unit">%, count, £, days, ratio or score.</param>
/// <param name="Polarity">Higher is better, Lower is better or None.</param>
/// <param name="PriorityCode">The priority (theme) it serves.</param>
/// <param name="PriorityName">The priority's name.</param>
/// <param name="ObjectiveCode">The strategic objective's code; empty when the indicator serves the priority as a whole.</param>
/// <param name="ObjectiveName">The objective's name, or null.</param>
/// <param name="ServiceCode">The service that reports it.</param>
/// <param name="ServiceName">The service's name.</param>
/// <param name="Source">Return, or the service system it is pulled from.</param>
/// <param name="PeriodCode">The indicator's own period reported (a month, quarter or year ending with the report's period).</param>
/// <param name="Result">The published result, or null when none was received.</param>
/// <param name="DueDate">When the return for the period is due, if the warehouse's calendar knows.</param>
/// <param name="Trend">The indicator's results over the trend window, oldest first; periods without a result are left out.</param>
public sealed record ReportedIndicator(
    string Code,
    string Name,
    string Type,
    string Unit,
    string Polarity,
    string PriorityCode,
    string PriorityName,
    string ObjectiveCode,
    string? ObjectiveName,
    string ServiceCode,
    string ServiceName,
    string Source,
    string PeriodCode,
    ReportedResult? Result,
    DateOnly? DueDate,
    IReadOnlyList<TrendPoint> Trend)
{
    /// <summary>True when a result was published for the period.</summary>
    public bool Reported => Result is not null;

    /// <summary>
    /// True when the indicator's figures are the year so far (the catalogue's <c>Accumulates</c>): its
    /// target is the year-to-date target and its direction compares with the same period last year.
    /// </summary>
    public bool YearToDate { get; init; }

    /// <summary>
    /// The warehouse's RAG, or null for not reported: when no result came, and when a nil return came
    /// (no value, with the service's reason).
    /// </summary>
    public RagStatus? RagCategory => Result is null or { IsNilReturn: true } ? null : Result.Rag;
}

/// <summary>A published (current, accepted) result, as the warehouse holds it.</summary>
/// <param name="Value">The value; null for a nil return or a qualitative indicator.</param>
/// <param name="Target">The target it was judged against, if any.</param>
/// <param name="Rag">Red, Amber, Green or data only.</param>
/// <param name="DirectionVsPrevious">Improving, Steady or Worsening against the period before; not comparable when unknown.</param>
/// <param name="DirectionVsLastYear">The same against the same period last year.</param>
/// <param name="Status">A qualitative indicator's self-assessment.</param>
/// <param name="Commentary">The service's commentary.</param>
/// <param name="RemedialAction">The service's remedial action.</param>
/// <param name="IsNilReturn">True when the service returned no value and said why.</param>
/// <param name="Timeliness">On time, Late or Unknown: when the first value for the period arrived against its due date.</param>
/// <param name="FirstReceived">The date the first value for the period arrived.</param>
public sealed record ReportedResult(
    decimal? Value,
    decimal? Target,
    RagStatus Rag,
    DirectionOfTravel DirectionVsPrevious,
    DirectionOfTravel DirectionVsLastYear,
    string? Status,
    string? Commentary,
    string? RemedialAction,
    bool IsNilReturn,
    string Timeliness,
    DateOnly? FirstReceived)
{
    /// <summary>
    /// The latest commentary and remedial action added after the return (<c>pmf results note</c> or the
    /// result's web page), or null. Shown beside the return's own words, each with its date: neither replaces the other.
    /// </summary>
    public FollowUp.ResultNote? Added { get; init; }
}

/// <summary>One point of an indicator's trend.</summary>
/// <param name="PeriodCode">The period.</param>
/// <param name="Value">Its value (null for a nil return).</param>
/// <param name="Target">Its target, if any.</param>
/// <param name="Rag">Its RAG.</param>
public sealed record TrendPoint(string PeriodCode, decimal? Value, decimal? Target, RagStatus Rag);

/// <summary>A data-quality issue that qualifies one of the report's results, or one of its delivery-plan actions' updates.</summary>
/// <param name="IndicatorCode">The indicator, or the action (see <see cref="ActionName"/>).</param>
/// <param name="PeriodCode">The period.</param>
/// <param name="RuleId">The data-quality rule (docs/data-quality-rules.md).</param>
/// <param name="Severity">Warning (the value was published with it) or Error (a value was refused; the report shows the earlier value or none).</param>
/// <param name="Message">What the rule found.</param>
public sealed record QualityCaveat(string IndicatorCode, string PeriodCode, string RuleId, string Severity, string Message)
{
    /// <summary>The action's name when the caveat is on a delivery-plan action's update (an Actions sheet row); null for an indicator's.</summary>
    public string? ActionName { get; init; }
}

/// <summary>How many of a priority's indicators are in each RAG category.</summary>
/// <param name="PriorityCode">The priority, or empty for the total.</param>
/// <param name="PriorityName">Its name.</param>
/// <param name="Red">Red results.</param>
/// <param name="Amber">Amber results.</param>
/// <param name="Green">Green results.</param>
/// <param name="DataOnly">Results with no RAG (no target, or qualitative).</param>
/// <param name="NotReported">Expected results not received.</param>
public sealed record RagCounts(string PriorityCode, string PriorityName, int Red, int Amber, int Green, int DataOnly, int NotReported)
{
    /// <summary>All indicators counted.</summary>
    public int Total => Red + Amber + Green + DataOnly + NotReported;

    /// <summary>Counts <paramref name="categories"/> (the warehouse's RAG, or null for not reported).</summary>
    public static RagCounts Of(string priorityCode, string priorityName, IEnumerable<RagStatus?> categories)
    {
        var list = categories.ToList();
        return new RagCounts(
            priorityCode, priorityName,
            list.Count(c => c == RagStatus.Red), list.Count(c => c == RagStatus.Amber), list.Count(c => c == RagStatus.Green),
            list.Count(c => c == RagStatus.DataOnly), list.Count(c => c is null));
    }

    /// <summary>The count of one category (null: not reported).</summary>
    public int Of(RagStatus? category) => category switch
    {
        RagStatus.Red => Red,
        RagStatus.Amber => Amber,
        RagStatus.Green => Green,
        RagStatus.DataOnly => DataOnly,
        _ => NotReported,
    };
}

/// <summary>The committee a report is written for: only its items are in the report, and it names its monitors.</summary>
/// <param name="Code">The committee's code.</param>
/// <param name="Name">Its name.</param>
/// <param name="CouncilCode">The council it belongs to.</param>
/// <param name="Kind">Executive, Scrutiny, Advisory or Audit.</param>
/// <param name="Monitors">The members who monitor performance for it.</param>
public sealed record ReportCommittee(string Code, string Name, string CouncilCode, string Kind, IReadOnlyList<string> Monitors)
{
    /// <summary>Who the report goes to, as its cover says, e.g. <c>Report to the Housing Committee. Committee Performance Monitors: A and B.</c></summary>
    public string Cover
    {
        get
        {
            var to = Name.StartsWith("The ", StringComparison.OrdinalIgnoreCase) ? Name : "the " + Name;
            var monitors = Monitors.Count switch
            {
                0 => "",
                1 => $" Performance monitor: {Monitors[0]}.",
                _ => $" Performance monitors: {string.Join(", ", Monitors.Take(Monitors.Count - 1))} and {Monitors[^1]}.",
            };
            return $"Report to {to}.{monitors}";
        }
    }
}
