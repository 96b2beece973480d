using Pmf.Pipeline.Calendar;

namespace Pmf.Pipeline.Publication;

/// <summary>A published figure that changed afterwards, as the next report lists it.</summary>
/// <param name="IndicatorCode">The indicator.</param>
/// <param name="IndicatorName">Its name.</param>
/// <param name="Period">The result's period.</param>
/// <param name="OldValue">The value as published.</param>
/// <param name="NewValue">The value now.</param>
/// <param name="OldRag">The RAG as published.</param>
/// <param name="NewRag">The RAG now.</param>
/// <param name="Kind">Correction (a corrected return) or Rescore (judged against a changed target).</param>
/// <param name="Reason">Why: the corrected return's commentary, or the rescoring's reason.</param>
/// <param name="RecordedAt">When it was recorded.</param>
public sealed record Restatement(
    string IndicatorCode, string IndicatorName, Period Period, decimal? OldValue, decimal? NewValue, string OldRag, string NewRag, string Kind, string Reason, DateTimeOffset RecordedAt);
