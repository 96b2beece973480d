namespace Pmf.Pipeline.Storage;

/// <summary>Where a return moves once the pipeline has finished with it.</summary>
public enum ReturnDestination
{
    /// <summary>The file was read; its values (or its row-level problems) are recorded.</summary>
    Processed,

    /// <summary>The file could not be read at all (wrong type, unreadable, no header).</summary>
    Rejected,
}
