using Pmf.Pipeline.Feedback;
using Pmf.Pipeline.Loading;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Jobs;

/// <summary>The verdict on one dropped return, and where everything it produced went.</summary>
/// <param name="Name">The file as dropped, <c>&lt;service&gt;/&lt;file&gt;</c> in returns/.</param>
/// <param name="Verdict">Accepted, accepted with warnings, rejected or duplicate.</param>
/// <param name="Reason">Why, in a sentence, when rejected or duplicate.</param>
/// <param name="Load">What the warehouse recorded; null when the file could not be attributed at all.</param>
/// <param name="MovedTo">Where the file now is (processed/ or rejected/); null when it stayed in returns/.</param>
/// <param name="Reports">The report files written beside it (HTML, CSV, e-mail).</param>
/// <param name="Issues">The data-quality issues, row by row (the first <see cref="MaxIssues"/>; the reports hold them all).</param>
public sealed record IngestOutcome(
    string Name,
    SubmissionVerdict Verdict,
    string? Reason,
    SubmissionLoadSummary? Load,
    StoredPath? MovedTo,
    IReadOnlyList<StoredPath> Reports,
    IReadOnlyList<QualityIssue> Issues)
{
    /// <summary>How many issues an outcome carries; a file with more has them all in its reports.</summary>
    public const int MaxIssues = 200;

    /// <summary>
    /// True when this run left the file alone without a verdict of its own: another process holds it,
    /// it vanished before it was read, or it was already judged and is left in place (a link).
    /// </summary>
    public bool Skipped { get; init; }

    /// <summary>The report mailed to the sender; null when the job has no mail transport (the next sweep sends it).</summary>
    public FeedbackOutcome? Feedback { get; init; }

    /// <summary>
    /// For a file the pipeline failed on (rejected with DQ004): the exception's type and message, for the
    /// operator (the sender's report only says the file could not be processed). Null otherwise.
    /// </summary>
    public string? Fault { get; init; }

    /// <summary>A file this run left alone without a verdict of its own.</summary>
    internal static IngestOutcome Skip(string name, string reason) =>
        new(name, SubmissionVerdict.Rejected, reason, null, null, [], []) { Skipped = true };

    /// <summary>A file that went before it was read (taken by another run).</summary>
    internal static IngestOutcome Gone(string name) => Skip(name, "The file was no longer in returns/ (taken by another run).");

    /// <summary>A file that storage or the database failed on, left in returns/ for the next run.</summary>
    internal static IngestOutcome LeftWaiting(string name, Exception error) =>
        new(name, SubmissionVerdict.Rejected, $"Not ingested this time, and left in returns/ for the next run: {error.Message}", null, null, [], []);

    /// <summary>A file judged, moved (or not) and reported on.</summary>
    internal static IngestOutcome Of(string name, JudgedReturn judged, StoredPath? movedTo, DeliveredReport report) =>
        new(name, judged.Summary.Verdict, report.Report.VerdictReason, judged.Summary, movedTo, report.Written, [.. report.Report.Issues.Take(MaxIssues)])
        {
            Feedback = report.Feedback,
            Fault = judged.Fault is { } fault ? $"{fault.GetType().Name}: {fault.Message}" : null,
        };
}
