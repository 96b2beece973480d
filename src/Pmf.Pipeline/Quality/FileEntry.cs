using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Scoring;

namespace Pmf.Pipeline.Quality;

/// <summary>
/// What the gate remembers about the first row for one (indicator, period) in a file: enough to
/// spot a duplicate, to withdraw it if a later row conflicts, and to serve as history for later rows.
/// </summary>
internal sealed class FileEntry(string sheet, int row, Period period, long fingerprint)
{
    public string Sheet { get; } = sheet;

    public int Row { get; } = row;

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
