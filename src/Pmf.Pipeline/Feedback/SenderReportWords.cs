using System.Globalization;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Reports;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Feedback;

/// <summary>A <see cref="SubmissionReport"/>'s verdict and counts in the words of every rendering: page, CSV and e-mail.</summary>
internal static class SenderReportWords
{
    /// <summary>
    /// The verdict as the sender reads it in a subject line or heading. A file some of whose rows
    /// were rejected says so: the subject is all many senders read.
    /// </summary>
    public static string Verdict(SubmissionReport report) =>
        report.Verdict == SubmissionVerdict.AcceptedWithWarnings && report.RowsRejected > 0
            ? RowsRejected(report.RowsRejected)
            : Verdict(report.Verdict);

    /// <summary>"Loaded, but 3 rows rejected": a loaded file some of whose rows were not, said so plainly.</summary>
    public static string RowsRejected(int rows) => $"Loaded, but {ReportWords.Count(rows, "row")} rejected";

    public static string Verdict(SubmissionVerdict verdict) => verdict switch
    {
        SubmissionVerdict.Accepted => "Accepted",
        SubmissionVerdict.AcceptedWithWarnings => "Accepted with warnings",
        SubmissionVerdict.Rejected => "Rejected",
        _ => "Already received",
    };

    public static string Headline(SubmissionReport report) => report.Verdict switch
    {
        SubmissionVerdict.Accepted => "Your return was accepted. Thank you: every row loaded.",
        SubmissionVerdict.AcceptedWithWarnings => report.RowsRejected > 0
            ? "Your return was loaded, but some rows were not. Please correct them and send the file again."
            : "Your return was loaded. Please check the warnings below.",
        SubmissionVerdict.Rejected => "Your return could not be loaded. Nothing from it has been recorded. Please correct it and send it again.",
        _ => string.Create(CultureInfo.InvariantCulture, $"This file was already received (submission {report.DuplicateOfSubmissionId}). Nothing has changed."),
    };

    /// <summary>Who sent the file, and, for an address the catalogue does not hold for the service, that the report did not go to it.</summary>
    public static string SentBy(SubmissionReport r) =>
        r.SenderAddress() is null || r.SenderIsServiceContact
            ? r.Sender
            : $"{r.Sender} (not an address the catalogue holds for {r.ServiceCode ?? "this service"}, so this report went to the head of service, not to them)";

    public static string Counts(SubmissionReport r) =>
        $"{ReportWords.Count(r.RowsRead, "row")} read, {r.RowsLoaded.ToString(CultureInfo.InvariantCulture)} loaded, "
        + $"{r.RowsRejected.ToString(CultureInfo.InvariantCulture)} rejected; {ReportWords.Count(r.Errors, "error")}, {ReportWords.Count(r.Warnings, "warning")}.";

    public static string Row(QualityIssue issue) =>
        issue.Row is { } row ? row.ToString(CultureInfo.InvariantCulture) : "(whole file)";

    public static string Omitted(SubmissionReport r) => string.Create(
        CultureInfo.InvariantCulture,
        $"{r.IssuesOmitted:N0} more issues are not listed{ByRule(r)}; correct these first and send the file again.");

    private static string ByRule(SubmissionReport r) => r.UnstoredByRule.Count == 0 ? "" : string.Create(
        CultureInfo.InvariantCulture, $" ({string.Join(", ", r.UnstoredByRule.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}: {p.Value:N0}")))})");
}
