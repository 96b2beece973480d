using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Pmf.Pipeline.Reports;

/// <summary>
/// A <see cref="PerformanceReport"/> as one self-contained HTML page: styles in the page, trend charts as
/// inline SVG, no scripts and nothing fetched, so it opens offline and prints to A4 (the summary on a page
/// of its own, no indicator split across pages). Every piece of text from the warehouse is HTML-encoded.
/// The summary's counts carry <c>data-priority</c> and <c>data-rag</c> attributes for tools that check them.
/// </summary>
public static class PerformanceReportHtml
{
    private static readonly string[] Categories = [Rag.Red, Rag.Amber, Rag.Green, Rag.DataOnly, ReportedIndicator.NotReported];

    /// <summary>Renders <paramref name="report"/>.</summary>
    /// <param name="report">The report.</param>
    /// <returns>A complete HTML document.</returns>
    public static string Render(PerformanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder(64 * 1024);
        var title = $"{(report.IsDraft ? ReportWords.Draft + ": " : "")}{report.CouncilName}: {Title(report)}";
        html.Append("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(title)).Append("</title><style>").Append(PerformanceReportStyle.Css).Append(DraftCss).Append("</style></head>\n<body>\n");
        if (report.IsDraft)
        {
            // Fixed, so a browser prints it on every page.
            html.Append("<div class=\"draft-mark\">").Append(ReportWords.Draft).Append("</div><p class=\"draft-note\">").Append(E(ReportWords.DraftNote)).Append("</p>\n");
        }

        Summary(html, report);
        Restatements(html, report);
        Reds(html, report);
        if (report.Kind == PerformanceReportKind.Annual)
        {
            Achievements(html, report);
        }

        Priorities(html, report);
        LateAndMissing(html, report);
        Caveats(html, report);
        html.Append("<footer><p><strong>How to read this report.</strong> RAG compares each result with its target: Green on or better than target, ")
            .Append("Amber worse but within tolerance, Red beyond it; Data only means no target (or a qualitative indicator, shown with the service's own status). ")
            .Append("Direction of travel compares the result with the period before and with the same period last year, allowing for whether higher or lower is better. ")
            .Append("RAG and direction are the warehouse's own, the same as in Power BI. Trend charts show the indicator's recent results (dots coloured by RAG) and its target (dashed).</p>")
            .Append("<p>Produced by the Performance Management Framework pipeline on ").Append(E(ReportWords.UkTime(report.GeneratedAt))).Append(".</p></footer>\n")
            .Append("</body></html>\n");
        return html.ToString();
    }

    /// <summary>The report's title, e.g. <c>Quarterly performance report, 2026/27 Q2 (Jul–Sep 2026)</c>.</summary>
    public static string Title(PerformanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var p = report.Period;
        return report.Kind == PerformanceReportKind.Annual
            ? $"Annual performance review, {p.Key} (April {p.Start.Year} to March {p.End.Year})"
            : string.Create(CultureInfo.InvariantCulture, $"Quarterly performance report, {p.Key} ({p.Start:MMM}–{p.End:MMM yyyy})");
    }

    // Kept beside the renderer until the report's styles move with its components.
    private const string DraftCss = """
         .draft-mark { position: fixed; top: 0.4rem; right: 0.6rem; font-weight: 700; letter-spacing: 0.2em; color: #b10e1e; border: 2px solid #b10e1e; padding: 0.1rem 0.5rem; background: #fff; }
         .draft-note { font-weight: 600; color: #b10e1e; }
        """;

    private static void Restatements(StringBuilder html, PerformanceReport r)
    {
        if (r.Restatements.Count == 0)
        {
            return;
        }

        var units = r.Indicators.ToDictionary(i => i.Code, i => i.Unit, StringComparer.Ordinal);
        html.Append("<section id=\"restatements\"><h2>").Append(E(ReportWords.RestatementsHeading)).Append("</h2><ul>\n");
        foreach (var x in r.Restatements)
        {
            html.Append("<li>").Append(E(ReportWords.Restated(x, units.GetValueOrDefault(x.IndicatorCode, "")))).Append("</li>\n");
        }

        html.Append("</ul></section>\n");
    }

    private static void Summary(StringBuilder html, PerformanceReport r)
    {
        var total = r.Total;
        html.Append("<section id=\"summary\" class=\"summary-page\">\n<h1>").Append(E(r.CouncilName)).Append("</h1>")
            .Append("<p class=\"lede\">").Append(E(Title(r))).Append("</p>")
            .Append("<p class=\"muted\">Each indicator at its position as the period closed: ")
            .Append(E(string.Join(", ", ReportPeriods.For(r.Kind, r.Period).Reported.Select(p => $"{p.Key} for {Frequency(p)} indicators"))))
            .Append(".</p>\n");
        if (r.HasNoResults)
        {
            html.Append("<p class=\"notice\" id=\"no-data\">No results have been published for ").Append(E(r.Period.Key))
                .Append(" for this council yet. Indicators expected for the period are listed as not reported.</p>\n");
        }

        html.Append("<h2>Summary</h2><p>").Append(E(Headline(total))).Append("</p>\n")
            .Append("<table class=\"summary\"><thead><tr><th>Priority</th>");
        foreach (var category in Categories)
        {
            html.Append("<th class=\"n ").Append(ReportFormat.RagClass(category)).Append("\">").Append(E(category)).Append("</th>");
        }

        html.Append("<th class=\"n\">Total</th></tr></thead><tbody>\n");
        foreach (var row in r.Summary)
        {
            SummaryRow(html, row, "td");
        }

        html.Append("</tbody><tfoot>");
        SummaryRow(html, total, "td");
        html.Append("</tfoot></table>\n");
        if (r.Kind == PerformanceReportKind.Annual)
        {
            var reported = r.Indicators.Where(i => i.Result is not null).Select(i => i.Result!).ToList();
            html.Append(reported.All(x => x.DirectionVsLastYear is null) ? "<p class=\"muted\">The warehouse holds no results for the year before to compare with.</p>\n" : "");
            html.Append("<p>Compared with the same period last year: ")
                .Append(Count(reported.Count(x => x.DirectionVsLastYear == "Improving"), "indicator")).Append(" improved, ")
                .Append(Count(reported.Count(x => x.DirectionVsLastYear == "Steady"), "indicator")).Append(" held steady and ")
                .Append(Count(reported.Count(x => x.DirectionVsLastYear == "Worsening"), "indicator")).Append(" worsened.</p>\n");
        }

        html.Append("</section>\n");
    }

    private static void SummaryRow(StringBuilder html, RagCounts row, string cell)
    {
        var priority = E(row.PriorityCode);
        html.Append("<tr><").Append(cell).Append('>').Append(E(row.PriorityName)).Append("</").Append(cell).Append('>');
        foreach (var (category, count) in Categories.Zip(new[] { row.Red, row.Amber, row.Green, row.DataOnly, row.NotReported }))
        {
            html.Append('<').Append(cell).Append(" class=\"n\" data-priority=\"").Append(priority).Append("\" data-rag=\"").Append(E(category)).Append("\">")
                .Append(count.ToString(CultureInfo.InvariantCulture)).Append("</").Append(cell).Append('>');
        }

        html.Append('<').Append(cell).Append(" class=\"n\" data-priority=\"").Append(priority).Append("\" data-rag=\"Total\">")
            .Append(row.Total.ToString(CultureInfo.InvariantCulture)).Append("</").Append(cell).Append(">")
            .Append("</tr>\n");
    }

    private static string Headline(RagCounts t) =>
        $"{Count(t.Total, "indicator")} in the framework for the period: {t.Red} Red, {t.Amber} Amber, {t.Green} Green, "
        + $"{t.DataOnly} data only (no target), and {t.NotReported} not reported.";

    private static void Reds(StringBuilder html, PerformanceReport r)
    {
        var reds = r.Indicators.Where(i => i.RagCategory == Rag.Red).ToList();
        html.Append("<section id=\"red\"><h2>Red indicators and remedial actions</h2>\n");
        if (reds.Count == 0)
        {
            html.Append("<p>No indicator is Red for the period.</p></section>\n");
            return;
        }

        foreach (var i in reds)
        {
            var x = i.Result!;
            html.Append("<div class=\"card\" data-indicator=\"").Append(E(i.Code)).Append("\"><h3>").Append(E($"{i.Code} {i.Name}")).Append("</h3><p>")
                .Append(E($"{ReportFormat.Value(x.Value, i.Unit)} against a target of {ReportFormat.Value(x.Target, i.Unit)} in {ReportWords.PeriodOf(i)}; "
                    + $"{ReportFormat.Direction(x.DirectionVsPrevious)} on the period before. {i.ServiceName}."))
                .Append("</p>");
            Note(html, "Remedial action", x.RemedialAction, "None given.");
            Note(html, "Commentary", x.Commentary, "None given.");
            html.Append("</div>\n");
        }

        html.Append("</section>\n");
    }

    private static void Achievements(StringBuilder html, PerformanceReport r)
    {
        // On target at the year's end; those also better than a year before first.
        var good = r.Indicators.Where(i => i.RagCategory == Rag.Green)
            .OrderBy(i => i.Result!.DirectionVsLastYear == "Improving" ? 0 : 1).ToList();
        html.Append("<section id=\"achievements\"><h2>Achievements of the year</h2>\n")
            .Append("<p>Indicators on or better than target at the year's end, those that also improved on a year before first.</p>\n");
        if (good.Count == 0)
        {
            html.Append("<p>No indicator was on target at the year's end.</p>");
        }

        foreach (var i in good)
        {
            var x = i.Result!;
            html.Append("<div class=\"card good\"><h3>").Append(E($"{i.Code} {i.Name}")).Append("</h3><p>")
                .Append(E($"{ReportFormat.Value(x.Value, i.Unit)} against a target of {ReportFormat.Value(x.Target, i.Unit)} in {ReportWords.PeriodOf(i)}; "
                    + $"{(x.DirectionVsLastYear is null ? "no result a year before to compare with" : ReportFormat.Direction(x.DirectionVsLastYear) + " on a year before")}. {i.ServiceName}."))
                .Append("</p>");
            Note(html, "Commentary", x.Commentary, null);
            html.Append("</div>\n");
        }

        html.Append("</section>\n");
    }

    private static void Priorities(StringBuilder html, PerformanceReport r)
    {
        var trendHeading = r.Kind == PerformanceReportKind.Annual ? "This year and last" : "Last eight periods";
        html.Append("<section id=\"indicators\"><h2>Indicators by priority and objective</h2>\n");
        foreach (var priority in r.Indicators.GroupBy(i => (i.PriorityCode, i.PriorityName)))
        {
            html.Append("<h3 data-priority=\"").Append(E(priority.Key.PriorityCode)).Append("\">").Append(E(priority.Key.PriorityName)).Append("</h3>\n");
            foreach (var objective in priority.GroupBy(i => (i.ObjectiveCode, i.ObjectiveName)))
            {
                if (objective.Key.ObjectiveCode.Length > 0)
                {
                    html.Append("<h4>").Append(E(objective.Key.ObjectiveName ?? objective.Key.ObjectiveCode)).Append("</h4>\n");
                }

                html.Append("<table class=\"indicators\"><colgroup><col class=\"name\"><col class=\"num\"><col class=\"num\"><col class=\"rag\"><col class=\"dir\"><col class=\"trend\"></colgroup><thead><tr><th>Indicator</th><th class=\"n\">Value</th><th class=\"n\">Target</th><th>RAG</th><th>Direction of travel</th><th>")
                    .Append(trendHeading).Append("</th></tr></thead>\n");
                foreach (var i in objective)
                {
                    IndicatorRows(html, i, r.GeneratedAt);
                }

                html.Append("</table>\n");
            }
        }

        html.Append("</section>\n");
    }

    private static void IndicatorRows(StringBuilder html, ReportedIndicator i, DateTimeOffset asOf)
    {
        var x = i.Result;
        html.Append("<tbody class=\"indicator\" data-indicator=\"").Append(E(i.Code)).Append("\"><tr><td><strong>").Append(E(i.Code)).Append("</strong> ").Append(E(i.Name))
            .Append("<br><span class=\"muted\">").Append(E($"{i.ServiceName} · {ReportWords.PeriodOf(i)}")).Append("</span></td>")
            .Append("<td class=\"n\">").Append(E(x is null ? "" : x.Value is null ? x.Status ?? (x.IsNilReturn ? "Nil return" : "") : ReportFormat.Value(x.Value, i.Unit))).Append("</td>")
            .Append("<td class=\"n\">").Append(E(ReportFormat.Value(x?.Target, i.Unit))).Append("</td>")
            .Append("<td><span class=\"rag ").Append(ReportFormat.RagClass(i.RagCategory)).Append("\">").Append(E(i.RagCategory)).Append("</span></td>")
            .Append("<td>").Append(E(ReportFormat.Direction(x?.DirectionVsPrevious))).Append("<br><span class=\"muted\">")
            .Append(E($"vs last year: {ReportFormat.Direction(x?.DirectionVsLastYear)}")).Append("</span></td>")
            .Append("<td>").Append(Sparkline.Svg(i.Trend, i.Unit)).Append("</td></tr>\n");
        if (x is not null && (!string.IsNullOrWhiteSpace(x.Commentary) || !string.IsNullOrWhiteSpace(x.RemedialAction)))
        {
            html.Append("<tr class=\"note\"><td colspan=\"6\">");
            Note(html, "Commentary", x.Commentary, null);
            Note(html, "Remedial action", x.RemedialAction, null);
            html.Append("</td></tr>\n");
        }
        else if (x is null)
        {
            html.Append("<tr class=\"note\"><td colspan=\"6\">").Append(E(Missing(i, asOf))).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n");
    }

    private static void LateAndMissing(StringBuilder html, PerformanceReport r)
    {
        var missing = r.Indicators.Where(i => !i.Reported).ToList();
        var late = r.Indicators.Where(i => i.Result?.Timeliness == "Late").ToList();
        html.Append("<section id=\"late\"><h2>Late and missing returns</h2>\n");
        if (missing.Count == 0 && late.Count == 0)
        {
            html.Append("<p>Every result for the period arrived by its due date.</p></section>\n");
            return;
        }

        html.Append("<table><thead><tr><th>Indicator</th><th>Service</th><th>Period</th><th>Due</th><th>What happened</th></tr></thead><tbody>\n");
        foreach (var i in missing)
        {
            Row(html, i, Missing(i, r.GeneratedAt));
        }

        foreach (var i in late)
        {
            Row(html, i, $"Received late, on {ReportFormat.Date(i.Result!.FirstReceived)}.");
        }

        html.Append("</tbody></table></section>\n");

        static void Row(StringBuilder html, ReportedIndicator i, string what) =>
            html.Append("<tr><td>").Append(E($"{i.Code} {i.Name}")).Append("</td><td>").Append(E(i.ServiceName)).Append("</td><td>").Append(E(i.PeriodCode))
                .Append("</td><td>").Append(E(ReportFormat.Date(i.DueDate))).Append("</td><td>").Append(E(what)).Append("</td></tr>\n");
    }

    private static void Caveats(StringBuilder html, PerformanceReport r)
    {
        var names = r.Indicators.GroupBy(i => i.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        // A nil return from a file already carries the gate's DQ042 warning; one from a service system does not.
        var nil = r.Indicators.Where(i => i.Result is { IsNilReturn: true }
            && !r.Caveats.Any(c => c.IndicatorCode == i.Code && c.PeriodCode == i.PeriodCode && c.RuleId == Quality.QualityRules.NilReturn.Id)).ToList();
        html.Append("<section id=\"caveats\"><h2>Data-quality caveats</h2>\n");
        if (r.Caveats.Count == 0 && nil.Count == 0)
        {
            html.Append("<p>No data-quality issue qualifies the results in this report.</p></section>\n");
            return;
        }

        html.Append("<p>Issues the data-quality gate raised on the results shown: warnings were published with the value; ")
            .Append("an error means a value sent for the period was refused, so the report shows an earlier value or none.</p>\n")
            .Append("<table><thead><tr><th>Indicator</th><th>Period</th><th>Caveat</th></tr></thead><tbody>\n");
        foreach (var i in nil)
        {
            html.Append("<tr><td>").Append(E($"{i.Code} {i.Name}")).Append("</td><td>").Append(E(i.PeriodCode)).Append("</td><td class=\"text\">")
                .Append(E($"Nil return: no value was returned. {i.Result!.Commentary}".TrimEnd())).Append("</td></tr>\n");
        }

        foreach (var c in r.Caveats)
        {
            html.Append("<tr><td>").Append(E($"{c.IndicatorCode} {names.GetValueOrDefault(c.IndicatorCode, "")}".TrimEnd())).Append("</td><td>").Append(E(c.PeriodCode))
                .Append("</td><td class=\"text\">").Append(E(CommitteeCaveat(c))).Append("</td></tr>\n");
        }

        html.Append("</tbody></table></section>\n");
    }

    /// <summary>
    /// A caveat as councillors read it: what the check found and what it means for the figure, not
    /// the sender's message (rule ids, row numbers and "your reason" are for the service's officer).
    /// </summary>
    internal static string CommitteeCaveat(QualityCaveat caveat)
    {
        var rule = Quality.QualityRules.Find(caveat.RuleId);
        var what = rule?.Name ?? "Data-quality check";
        return caveat.Severity == nameof(Quality.Severity.Error)
            ? $"{what}: a value sent for this period was refused, so this report shows an earlier value or none."
            : $"{what}: published as the service reported it, and flagged for checking.";
    }

    private static void Note(StringBuilder html, string label, string? text, string? whenBlank)
    {
        if (string.IsNullOrWhiteSpace(text) && whenBlank is null)
        {
            return;
        }

        html.Append("<p><strong>").Append(E(label)).Append(":</strong> <span class=\"text\">")
            .Append(E(string.IsNullOrWhiteSpace(text) ? whenBlank! : text)).Append("</span></p>");
    }

    private static string Missing(ReportedIndicator i, DateTimeOffset asOf) => i.DueDate switch
    {
        { } due when due >= Calendar.UkClock.DateAt(asOf) => $"Not received yet; due on {ReportFormat.Date(due)}.",
        { } due => $"Not received; it was due on {ReportFormat.Date(due)}.",
        _ => "Not received.",
    };

    private static string Frequency(Calendar.Period p) => p.Frequency.ToString().ToLowerInvariant();

    private static string Count(int n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");

    private static string E(string text) => HtmlEncoder.Default.Encode(SafeText.WithoutControls(text));
}
