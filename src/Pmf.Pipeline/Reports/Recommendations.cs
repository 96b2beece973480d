namespace Pmf.Pipeline.Reports;

/// <summary>
/// The recommendation line a committee paper carries, by the kind of committee on the Committees sheet:
/// an executive approves the report (and agrees the remedial actions for its Red indicators), scrutiny
/// reviews and comments on it, an advisory or audit committee notes it. The council's whole report
/// carries its executive's recommendation.
/// </summary>
internal static class Recommendations
{
    public static string For(PerformanceReport report)
    {
        var paper = Paper(report);
        var committee = report.Committee ?? report.Executive;
        if (committee is null)
        {
            return $"That members note the {paper}.";
        }

        var reds = report.Indicators.Count(i => i.RagCategory == Scoring.RagStatus.Red);
        return committee.Kind switch
        {
            "Executive" => $"That {Name(committee)} approves the {paper}"
                + (reds == 0 ? "." : $" and agrees the remedial actions set out for its {ReportWords.Count(reds, "Red indicator")}."),
            "Scrutiny" => $"That {Name(committee)} reviews and comments on the {paper}"
                + (report.Executive is { } executive ? $" and makes any recommendations to {Name(executive)}." : "."),
            _ => $"That {Name(committee)} notes the {paper}.",
        };
    }

    /// <summary>"the Quarter 2 2026/27 performance report", or "the 2026/27 annual performance review".</summary>
    public static string Paper(PerformanceReport report) => report.Kind == PerformanceReportKind.Annual
        ? $"{report.Period.Key} annual performance review"
        : $"Quarter {report.Period.Number} {report.Period.Year.Key} performance report";

    /// <summary>"Cabinet" as councils write it; "the Scrutiny Committee" for a longer name.</summary>
    private static string Name(ReportCommittee committee) =>
        committee.Name.Contains(' ', StringComparison.Ordinal) && !committee.Name.StartsWith("The ", StringComparison.OrdinalIgnoreCase)
            ? "the " + committee.Name
            : committee.Name;
}
