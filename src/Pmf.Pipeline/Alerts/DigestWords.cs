using System.Globalization;
using Pmf.Pipeline.FollowUp;
using Pmf.Pipeline.Calendar;

using Pmf.Pipeline.Reports;

namespace Pmf.Pipeline.Alerts;

/// <summary>The words both digest bodies use, so text and HTML say the same thing.</summary>
internal static class DigestWords
{
    public static string Indicator(DigestItem i) =>
        i.IndicatorName is null ? $"{i.IndicatorCode} ({i.PeriodCode})" : $"{i.IndicatorCode} {i.IndicatorName} ({i.PeriodCode})";

    public static string Overdue(DigestItem i) => string.Create(CultureInfo.InvariantCulture,
        $"due {i.Due:d MMM yyyy}, {i.WorkingDaysOverdue} working day{(i.WorkingDaysOverdue == 1 ? "" : "s")} overdue{Feed(i)}; {EscalationLevel.Describe(i.Level)}{Acknowledged(i)}");

    public static string DueSoon(DigestItem i) => string.Create(CultureInfo.InvariantCulture, $"due {i.Due:d MMM yyyy}{Feed(i)}");

    public static string DataQuality(DigestItem i) => $"{i.Detail}: {i.Issue ?? "see the submission report"}{Acknowledged(i)}";

    public static string Failing(DigestItem i) => string.Create(CultureInfo.InvariantCulture,
        $"{FollowUpKind.Describe(i.Kind)}: value {Number(i.Value)}, target {Number(i.Target)}, {(i.Rag is { } rag ? ReportWords.Rag(rag) : "no RAG")}; {i.Detail}{Acknowledged(i)}");

    /// <summary>The milestone's words: which milestone, when it was due, and what the service should say.</summary>
    public static string Milestone(DigestItem i) => string.Create(CultureInfo.InvariantCulture,
        $"milestone '{i.Detail}' was due {i.Due:d MMM yyyy}; say in the action's next update whether it was met (on track or complete), or why not; {EscalationLevel.Describe(i.Level)}{Acknowledged(i)}");

    public static string Resolved(DigestItem i) => $"{FollowUpKind.Describe(i.Kind)}: resolved";

    /// <summary>The digest's last line, in both bodies, when the pages' address is not set.</summary>
    public const string Footer = "Reply to the performance team with any question; `pmf followup ack ID --note ...` records what you are doing.";

    /// <summary>The digest's last line when each item links to its page.</summary>
    public const string LinkedFooter = "Open an item's page to acknowledge it or resolve it with a note of what you are doing, or to add a commentary and remedial action to a result; reply to the performance team with any question.";

    /// <summary>The last line of <paramref name="d"/>.</summary>
    public static string FooterOf(Digest d) => d.Links.Enabled ? LinkedFooter : Footer;

    /// <summary>The words of a follow-up's link.</summary>
    public static string OpenFollowUp(DigestItem i) => string.Create(CultureInfo.InvariantCulture, $"Open follow-up {i.FollowUpId}");

    /// <summary>The words of a result's link.</summary>
    public const string OpenResult = "Add commentary or a remedial action";

    public static string Heading(Digest d) => string.Create(CultureInfo.InvariantCulture,
        $"Performance follow-up for {d.ServiceName} ({d.ServiceCode}), as of {UkClock.Text(d.AsOf)}");

    public static string OneLine(string text) => SafeText.OneLine(text);

    private static string Feed(DigestItem i) => i.Kind == FollowUpKind.Freshness ? $" (feed: {i.Detail})" : "";

    private static string Acknowledged(DigestItem i) => i.Status == FollowUpStatus.Acknowledged ? " (acknowledged)" : "";

    private static string Number(decimal? value) => value is null ? "none" : value.Value.ToString("0.##", CultureInfo.InvariantCulture);
}
