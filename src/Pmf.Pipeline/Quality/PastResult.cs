using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Scoring;

namespace Pmf.Pipeline.Quality;

/// <summary>An earlier result of an indicator, from the warehouse or from an earlier row of the same file.</summary>
/// <param name="Period">The period.</param>
/// <param name="Value">The value (null for a nil return or a qualitative result).</param>
/// <param name="Rag">Its status against target.</param>
/// <param name="Row">The row of this file it came from, or null when it is already in the warehouse.</param>
/// <param name="Numerator">The numerator it was given with, if any.</param>
/// <param name="Denominator">The denominator it was given with, if any.</param>
/// <param name="Explained">The sender gave commentary with it.</param>
internal readonly record struct PastResult(Period Period, decimal? Value, RagStatus Rag, int? Row, decimal? Numerator = null, decimal? Denominator = null, bool Explained = false)
{
    /// <summary>Where it came from, for messages: <c>2025/26 Q1 (row 7)</c> or <c>2025/26 Q1</c>.</summary>
    public string Where => Row is { } row ? $"{Period.Key} (row {row})" : Period.Key;

    /// <summary>False when the warehouse's stored value is not exactly <see cref="Value"/> (see <see cref="HistoricResult.ValueIsExact"/>).</summary>
    public bool ValueIsExact { get; init; } = true;
}
