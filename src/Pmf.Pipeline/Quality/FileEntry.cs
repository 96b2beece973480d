using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Scoring;

namespace Pmf.Pipeline.Quality;

/// <summary>
/// What the gate remembers about the row that stands for one (indicator, period) in a file: enough to
/// spot a duplicate, to withdraw it if a later row conflicts, and to serve as history for later rows.
/// </summary>
internal sealed class FileEntry(string sheet, int row, Period period, long fingerprint)
{
    /// <summary>The sheet of the row that loads for the key (the first row, unless it was rejected and a repeat loaded instead).</summary>
    public string Sheet { get; set; } = sheet;

    /// <summary>The row that loads for the key, as <see cref="Sheet"/>.</summary>
    public int Row { get; set; } = row;

    public Period Period { get; } = period;

    /// <summary>A hash of the row's normalised values (not its commentary).</summary>
    public long Fingerprint { get; } = fingerprint;

    /// <summary>True once the row has been handed on with a result, until a conflict withdraws it.</summary>
    public bool Loaded { get; set; }

    /// <summary>True once a later row gave different values.</summary>
    public bool Conflicted { get; set; }

    public decimal? Value { get; set; }

    public RagStatus Rag { get; set; }
}
