using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Reports;

namespace Pmf.Pipeline.Pages.Committee;

/// <summary>The sentences of the committee report, as councillors read them.</summary>
internal static class CommitteeWords
{
    public static string Headline(RagCounts t) =>
        $"{ReportWords.Count(t.Total, "indicator")} in the framework for the period: {t.Red} Red, {t.Amber} Amber, {t.Green} Green, "
        + $"{t.DataOnly} data only (no target), and {t.NotReported} not reported.";

    public static string Covers(PerformanceReport r) =>
        "Each indicator at its position as the period closed: "
        + string.Join(", ", ReportPeriods.Ending(r.AsAt).Select(p => $"{p.Key} for {p.Frequency.ToString().ToLowerInvariant()} indicators")) + ".";

    public static string RedLine(ReportedIndicator i, ReportedResult x) =>
        $"{ReportFormat.Value(x.Value, i.Unit)} against a target of {ReportFormat.Value(x.Target, i.Unit)} in {ReportWords.PeriodOf(i)}; "
        + $"{ReportWords.Direction(x.DirectionVsPrevious)} on the period before. {i.ServiceName}.";

    /// <summary>What the value cell shows: the value, a qualitative indicator's status, or "Nil return".</summary>
    public static string Value(ReportedIndicator i) => i.Result switch
    {
        null => "",
        { Value: null } x => x.Status ?? (x.IsNilReturn ? "Nil return" : ""),
        var x => ReportFormat.Value(x.Value, i.Unit),
    };

    public static string Missing(ReportedIndicator i, DateTimeOffset asOf) => i.DueDate switch
    {
        { } due when due >= UkClock.DateAt(asOf) => $"Not received yet; due on {ReportFormat.Date(due)}.",
        { } due => $"Not received; it was due on {ReportFormat.Date(due)}.",
        _ => "Not received.",
    };

    public static string Late(ReportedIndicator i) => $"Received late, on {ReportFormat.Date(i.Result!.FirstReceived)}.";

    /// <summary>
    /// A caveat as councillors read it: what the check found and what it means for the figure, not
    /// the sender's message (rule ids, row numbers and "your reason" are for the service's officer).
    /// </summary>
    public static string Caveat(QualityCaveat caveat)
    {
        var rule = QualityRules.Find(caveat.RuleId);
        var what = rule?.Name ?? "Data-quality check";
        if (caveat.ActionName is not null)
        {
            return caveat.Severity == nameof(Severity.Error)
                ? $"{what}: the service's update on this action for this period was refused, so this report shows an earlier update or none."
                : $"{what}: the update is shown as the service reported it, and flagged for checking.";
        }

        return caveat.Severity == nameof(Severity.Error)
            ? $"{what}: a value sent for this period was refused, so this report shows an earlier value or none."
            : $"{what}: published as the service reported it, and flagged for checking.";
    }

    /// <summary>"Added after the return on 12 Jan 2027 by jo.bloggs@council.gov.uk:"</summary>
    public static string AddedAfterReturn(FollowUp.ResultNote note) =>
        $"Added after the return on {ReportFormat.Date(UkClock.DateAt(note.WrittenAt))} by {note.WrittenBy}:";

    public static string NilReturn(ReportedIndicator i) => $"Nil return: no value was returned. {i.Result!.Commentary}".TrimEnd();
}
