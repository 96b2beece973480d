using System.Globalization;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Reports;

/// <summary>The words and formats every rendering of a <see cref="SubmissionReport"/> shares.</summary>
internal static class ReportWords
{
    /// <summary>The mark on every page of a report whose period is not yet approved.</summary>
    public const string Draft = "DRAFT";

    /// <summary>Under a draft report's title.</summary>
    public const string DraftNote = "Draft: not yet approved. The figures may change before the report is approved and published.";

    /// <summary>The heading of the restatements a report lists.</summary>
    public const string RestatementsHeading = "Published figures restated";

    /// <summary>One restatement as a report lists it.</summary>
    public static string Restated(Publication.Restatement r, string unit) =>
        $"{r.IndicatorCode} {r.IndicatorName}, {r.Period.Key}: published as {ReportFormat.Value(r.OldValue, unit)} ({r.OldRag}), now {ReportFormat.Value(r.NewValue, unit)} ({r.NewRag}); "
        + (r.Kind == "Rescore" ? "rescored against a changed target" : "corrected by the service")
        + $" on {UkDate(r.RecordedAt)}. Reason: {r.Reason}";

    private static string UkDate(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, UkClock.Zone).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>What a year-to-date figure is called wherever a report shows it.</summary>
    public const string YearToDate = "year to date";

    /// <summary>The period an indicator's figure covers: "2026/27 M06, year to date" for a year-to-date indicator.</summary>
    public static string PeriodOf(ReportedIndicator indicator) =>
        indicator.YearToDate ? $"{indicator.PeriodCode}, {YearToDate}" : indicator.PeriodCode;

    /// <summary>A RAG status as officers and councillors read it.</summary>
    public static string Rag(Scoring.RagStatus rag) => WarehouseText.Rag(rag);

    /// <summary>
    /// One changed target as the catalogue load lists it: "ASH-HOU-01 2026/27: 30.6 → 35 from 03/12/2026
    /// (Cabinet raised it); 2 periods that ended before then keep 30.6".
    /// </summary>
    public static string TargetChange(TargetChange change)
    {
        if (change.To is not { } to)
        {
            return $"{change.IndicatorCode} {change.Period}: the target of {Number(change.From)} is no longer set; results are not judged against it any more";
        }

        var line = $"{change.IndicatorCode} {change.Period}: {Number(change.From)} → {Number(to)} from {change.EffectiveFrom:dd/MM/yyyy} ";
        line += change.Reason is { } reason ? $"({reason})" : "(no reason given: add one in the Targets sheet's Reason column)";
        return change.PeriodsKeepingOld > 0
            ? line + $"; {Count(change.PeriodsKeepingOld, "period")} that ended before then keep {Number(change.From)}"
            : line;
    }

    private static string Number(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    /// <summary>
    /// The verdict as the sender reads it in a subject line or heading. A file some of whose rows
    /// were rejected says so: the subject is all many senders read.
    /// </summary>
    public static string Verdict(SubmissionReport report) =>
        report.Verdict == SubmissionVerdict.AcceptedWithWarnings && report.RowsRejected > 0
            ? RowsRejected(report.RowsRejected)
            : Verdict(report.Verdict);

    /// <summary>"Loaded, but 3 rows rejected": a loaded file some of whose rows were not, said so plainly.</summary>
    public static string RowsRejected(int rows) => $"Loaded, but {Count(rows, "row")} rejected";

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
        $"{Count(r.RowsRead, "row")} read, {r.RowsLoaded.ToString(CultureInfo.InvariantCulture)} loaded, "
        + $"{r.RowsRejected.ToString(CultureInfo.InvariantCulture)} rejected; {Count(r.Errors, "error")}, {Count(r.Warnings, "warning")}.";

    private static string Count(int n, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");

    /// <summary>A UK wall-clock time, as the sender lives it.</summary>
    public static string UkTime(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, UkClock.Zone).ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    public static string Row(QualityIssue issue) =>
        issue.Row is { } row ? row.ToString(CultureInfo.InvariantCulture) : "(whole file)";

    public static string Omitted(SubmissionReport r) => string.Create(
        CultureInfo.InvariantCulture,
        $"{r.IssuesOmitted:N0} more issues are not listed{ByRule(r)}; correct these first and send the file again.");

    private static string ByRule(SubmissionReport r) => r.UnstoredByRule.Count == 0 ? "" : string.Create(
        CultureInfo.InvariantCulture, $" ({string.Join(", ", r.UnstoredByRule.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}: {p.Value:N0}")))})");
}
