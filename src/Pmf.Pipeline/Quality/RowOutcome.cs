namespace Pmf.Pipeline.Quality;

/// <summary>What became of one row of a return.</summary>
public enum RowOutcome
{
    /// <summary>The row loads (it may carry warnings).</summary>
    Loaded,

    /// <summary>The row has an Error and does not load; the rest of the file is unaffected.</summary>
    Rejected,

    /// <summary>The row repeats an earlier row's values exactly; the earlier row loads once.</summary>
    Repeat,

    /// <summary>Every cell of the row is blank; it is skipped and not counted.</summary>
    Blank,
}
