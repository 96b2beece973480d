using Pmf.Pipeline.Storage;

namespace Pmf.Pipeline.Feedback;

/// <summary>Where one sender's report went.</summary>
/// <param name="Report">The report.</param>
/// <param name="Written">The files written beside the submission's file (HTML, CSV, e-mail).</param>
/// <param name="Feedback">The mail to the sender; null when there is no mail transport or nothing was owed.</param>
public sealed record DeliveredReport(SubmissionReport Report, IReadOnlyList<StoredPath> Written, FeedbackOutcome? Feedback);
