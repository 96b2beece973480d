namespace Pmf.Pipeline.Quality;

/// <summary>How much a data-quality issue matters.</summary>
public enum Severity
{
    /// <summary>The row loads, carrying the flag.</summary>
    Warning,

    /// <summary>The row is rejected; the rest of the file still loads.</summary>
    Error,
}
