using Pmf.Pipeline.Scoring;

namespace Pmf.Pipeline.FollowUp;

/// <summary>A current result as a head of service reads it before adding a note: the figures, the return's own words, and the notes added since.</summary>
/// <param name="CouncilCode">The council.</param>
/// <param name="ServiceCode">The service that reports it.</param>
/// <param name="ServiceName">The service's name.</param>
/// <param name="IndicatorCode">The indicator.</param>
/// <param name="IndicatorName">Its name.</param>
/// <param name="PeriodCode">The period, e.g. 2026/27 Q2.</param>
/// <param name="Unit">%, count, £, days, ratio or score.</param>
/// <param name="Value">The value (null for a nil return or a qualitative indicator).</param>
/// <param name="Target">Its target, if any.</param>
/// <param name="Rag">The warehouse's RAG.</param>
/// <param name="Commentary">The commentary sent with the return.</param>
/// <param name="RemedialAction">The remedial action sent with the return.</param>
/// <param name="ReceivedAt">When the return that carried the value arrived (UTC).</param>
/// <param name="Notes">Notes added since, oldest first.</param>
public sealed record NotedResult(
    string CouncilCode,
    string ServiceCode,
    string ServiceName,
    string IndicatorCode,
    string IndicatorName,
    string PeriodCode,
    string Unit,
    decimal? Value,
    decimal? Target,
    RagStatus Rag,
    string? Commentary,
    string? RemedialAction,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<ResultNote> Notes)
{
    /// <summary>The latest note, or null when none was added.</summary>
    public ResultNote? Latest => Notes.Count == 0 ? null : Notes[^1];
}
