namespace Pmf.Pipeline.Sources;

/// <summary>How one pull from a source ended, as <c>source_run.outcome</c> records it.</summary>
public enum SourceRunOutcome
{
    /// <summary>Records passed the gate and loaded.</summary>
    Loaded,

    /// <summary>Records loaded, some flagged with warnings.</summary>
    LoadedWithWarnings,

    /// <summary>The source gave exactly what was already loaded; nothing changed.</summary>
    Unchanged,

    /// <summary>The source answered with no records for the open periods (a freshness concern).</summary>
    Empty,

    /// <summary>The records failed the quality gate (schema drift included); nothing loaded.</summary>
    Rejected,

    /// <summary>The source could not be asked or did not answer with data (a freshness concern).</summary>
    Failed,
}
