using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Scoring;

namespace Pmf.Pipeline.Warehouse;

/// <summary>A past result scored again against the target now in force for its period.</summary>
/// <param name="IndicatorCode">The indicator.</param>
/// <param name="Period">The result's period.</param>
/// <param name="Value">The result.</param>
/// <param name="OldTarget">The target it was judged against.</param>
/// <param name="NewTarget">The target in force for its period now.</param>
/// <param name="OldRag">Its RAG before.</param>
/// <param name="NewRag">Its RAG against the new target.</param>
public sealed record RescoredResult(string IndicatorCode, Period Period, decimal? Value, decimal? OldTarget, decimal NewTarget, RagStatus OldRag, RagStatus NewRag);
