namespace Pmf.Pipeline.Quality;

/// <summary>
/// The file-level outcome of a return, produced by <see cref="QualityGate.Complete"/>. It holds
/// counts and file-level findings only, never the rows, so its size does not grow with the file.
/// </summary>
public sealed record GateSummary
{
    /// <summary>Accepted, accepted with warnings, or rejected. When rejected, nothing from the file loads.</summary>
    public required GateVerdict Verdict { get; init; }

    /// <summary>Rows checked, blank rows excluded.</summary>
    public required int RowsChecked { get; init; }

    /// <summary>Rows that load (withdrawn rows excluded).</summary>
    public required int RowsLoaded { get; init; }

    /// <summary>Rows rejected by an Error, including rows withdrawn for conflicting with a later row.</summary>
    public required int RowsRejected { get; init; }

    /// <summary>Rows that repeated an earlier row exactly and were not loaded a second time.</summary>
    public required int RowsRepeated { get; init; }

    /// <summary>Blank rows skipped.</summary>
    public required int RowsBlank { get; init; }

    /// <summary>Error issues, on rows and on the file.</summary>
    public required int Errors { get; init; }

    /// <summary>Warning issues, on rows and on the file.</summary>
    public required int Warnings { get; init; }

    /// <summary>How many issues each rule raised, by rule id.</summary>
    public required IReadOnlyDictionary<string, int> IssuesByRule { get; init; }

    /// <summary>
    /// Findings not reported with a row as it streamed past: structural issues, an empty file, and
    /// the issues on earlier rows withdrawn because a later row conflicted with them.
    /// </summary>
    public required IReadOnlyList<QualityIssue> FileIssues { get; init; }

    /// <summary>Results handed on as loaded and then withdrawn; the load drops them.</summary>
    public required IReadOnlyList<WithdrawnResult> Withdrawn { get; init; }
}
