namespace Pmf.Pipeline.Warehouse;

/// <summary>The earlier submission that already loaded the same content.</summary>
/// <param name="SubmissionId">Its id.</param>
/// <param name="FileName">The file name it came under.</param>
/// <param name="Verdict">Its verdict (Accepted, AcceptedWithWarnings or Rejected).</param>
/// <param name="ProcessedAt">When it was loaded (UTC).</param>
public sealed record DuplicateSubmission(long SubmissionId, string FileName, SubmissionVerdict Verdict, DateTimeOffset ProcessedAt);
