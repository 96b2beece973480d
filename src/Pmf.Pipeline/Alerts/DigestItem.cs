namespace Pmf.Pipeline.Alerts;

/// <summary>One follow-up as a digest shows it.</summary>
/// <param name="FollowUpId">The follow-up.</param>
/// <param name="Kind">A <see cref="FollowUp.FollowUpKind"/>.</param>
/// <param name="IndicatorCode">The indicator.</param>
/// <param name="IndicatorName">Its name, when the catalogue knows it.</param>
/// <param name="PeriodCode">The period, e.g. 2026/27 Q2.</param>
/// <param name="Status">A <see cref="FollowUp.FollowUpStatus"/>.</param>
/// <param name="Level">An <see cref="FollowUp.EscalationLevel"/>.</param>
/// <param name="Due">The due date (overdue kinds) or the day it was raised.</param>
/// <param name="WorkingDaysOverdue">Working days since the due date, as of the digest; 0 when not yet due.</param>
/// <param name="Detail">What the sweep recorded: periods running, the feed's name, the first rule broken.</param>
/// <param name="Value">The current result, when there is one.</param>
/// <param name="Target">Its target.</param>
/// <param name="Rag">Its RAG, when there is a result.</param>
/// <param name="Commentary">The service's commentary on the result.</param>
/// <param name="RemedialAction">The service's remedial action.</param>
/// <param name="Issue">For data-quality items, the first error message.</param>
public sealed record DigestItem(
    long FollowUpId,
    string Kind,
    string IndicatorCode,
    string? IndicatorName,
    string PeriodCode,
    string Status,
    int Level,
    DateOnly Due,
    int WorkingDaysOverdue,
    string? Detail,
    decimal? Value,
    decimal? Target,
    Scoring.RagStatus? Rag,
    string? Commentary,
    string? RemedialAction,
    string? Issue)
{
    /// <summary>The council of the indicator, when the catalogue still has it: the result's page is under it.</summary>
    public string? CouncilCode { get; init; }
}
