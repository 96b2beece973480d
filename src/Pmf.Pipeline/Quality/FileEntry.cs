using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Scoring;

namespace Pmf.Pipeline.Quality;

/// <summary>
/// What the gate remembers about the row that stands for one (indicator, period) in a file: enough to
/// spot a duplicate, to withdraw it if a later row conflicts, and to serve as history for later rows.
/// A copy of what <see cref="FileMemory"/> holds; change it through the memory.
/// </summary>
/// <param name="Sheet">The sheet of the row that loads for the key (the first row, unless it was rejected and a repeat loaded instead).</param>
/// <param name="Row">The row that loads for the key, as <paramref name="Sheet"/>.</param>
/// <param name="Period">The period of the key.</param>
/// <param name="Fingerprint">A hash of the row's normalised values (not its commentary).</param>
/// <param name="Loaded">True once the row has been handed on with a result, until a conflict withdraws it.</param>
/// <param name="Conflicted">True once a later row gave different values.</param>
/// <param name="Value">The value handed on, once loaded.</param>
/// <param name="Rag">The status handed on, once loaded.</param>
internal readonly record struct FileEntry(
    string Sheet, int Row, Period Period, long Fingerprint, bool Loaded, bool Conflicted, decimal? Value, RagStatus Rag)
{
    /// <summary>The numerator handed on, once loaded.</summary>
    public decimal? Numerator { get; init; }

    /// <summary>The denominator handed on, once loaded.</summary>
    public decimal? Denominator { get; init; }

    /// <summary>The row came with commentary.</summary>
    public bool Explained { get; init; }
}
