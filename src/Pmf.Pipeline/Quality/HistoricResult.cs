using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Scoring;

namespace Pmf.Pipeline.Quality;

/// <summary>A current result already in the warehouse, as the gate needs it for history rules.</summary>
/// <param name="Period">The period.</param>
/// <param name="Value">The value (null for a nil return or a qualitative result).</param>
/// <param name="Rag">The status it was given.</param>
/// <param name="RemedialAction">The remedial action recorded with it.</param>
public sealed record HistoricResult(Period Period, decimal? Value, RagStatus Rag, string? RemedialAction)
{
    /// <summary>The numerator it was given with, if any.</summary>
    public decimal? Numerator { get; init; }

    /// <summary>The denominator it was given with, if any.</summary>
    public decimal? Denominator { get; init; }

    /// <summary>A qualitative result's status, if any.</summary>
    public string? Status { get; init; }

    /// <summary>True when the sender gave commentary with it: a value they have explained is a baseline the history rules trust.</summary>
    public bool Explained { get; init; }

    /// <summary>
    /// False when the value read back is not exactly what the warehouse stored (SQLite keeps a real and
    /// reads it back to 15 digits): direction of travel against it is then judged by the warehouse.
    /// </summary>
    internal bool ValueIsExact { get; init; } = true;
}
