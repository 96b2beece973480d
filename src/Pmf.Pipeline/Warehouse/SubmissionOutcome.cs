namespace Pmf.Pipeline.Warehouse;

/// <summary>The gate's conclusion on a submission, known once its rows have been read.</summary>
/// <param name="Verdict">Accepted, AcceptedWithWarnings or Rejected; Duplicate is the loader's to decide.</param>
/// <param name="RowsRead">Data rows the reader found.</param>
/// <param name="Reason">Why, in words for the sender (required in spirit for a rejection).</param>
public sealed record SubmissionOutcome(SubmissionVerdict Verdict, int RowsRead, string? Reason = null);
