namespace Pmf.Pipeline.Storage;

/// <summary>How completing a return went.</summary>
public enum CompletionStatus
{
    /// <summary>The file now sits in processed/ or rejected/ and is gone from returns/.</summary>
    Moved,

    /// <summary>The file was no longer in returns/ (completed already, or removed); nothing changed.</summary>
    AlreadyGone,

    /// <summary>A different version was dropped under the same name since it was read; it stays in returns/ to be read in its turn.</summary>
    Changed,
}
