namespace Pmf.Pipeline.Warehouse;

/// <summary>What loading one submission did to the warehouse.</summary>
/// <param name="SubmissionId">The <c>submission</c> row written (for a duplicate, the duplicate's own row).</param>
/// <param name="Verdict">The verdict recorded.</param>
/// <param name="DuplicateOfSubmissionId">For a duplicate, the submission that first loaded the same content.</param>
/// <param name="RowsRead">Data rows the reader found.</param>
/// <param name="RowsLoaded">Results written to <c>fact_result</c> (0 when rejected or duplicate).</param>
/// <param name="RowsRejected">Rows with at least one error (all rows read, when the file was rejected).</param>
/// <param name="Warnings">Issues of severity Warning.</param>
/// <param name="Errors">Issues of severity Error.</param>
/// <param name="ResultsSuperseded">Earlier current results this submission replaced (they stay as history).</param>
public sealed record SubmissionLoadSummary(
    long SubmissionId,
    SubmissionVerdict Verdict,
    long? DuplicateOfSubmissionId,
    int RowsRead,
    int RowsLoaded,
    int RowsRejected,
    int Warnings,
    int Errors,
    int ResultsSuperseded);
