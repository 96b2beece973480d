using static Pmf.Pipeline.PowerBi.ReportField;

namespace Pmf.Pipeline.PowerBi;

/// <summary>
/// The starter report a performance team keeps and builds on: RAG overview by council and priority,
/// one indicator's trend against its target, data quality and follow-ups. Every field is a column or
/// measure of <see cref="PmfModel"/>; none is a column hidden from the council or head-of-service roles,
/// so every page opens for every role. A page over a new table is one more entry in <see cref="Pages"/>.
/// </summary>
public static class PmfReport
{
    /// <summary>The pages, in tab order.</summary>
    public static IReadOnlyList<ReportPage> Pages { get; } =
    [
        new("overview", "RAG overview",
        [
            Card("on-target", "% on target", (20, 20, 290, 120), Measure("Result", "% on target")),
            Card("red", "Red", (330, 20, 290, 120), Measure("Result", "Red")),
            Card("amber", "Amber", (640, 20, 290, 120), Measure("Result", "Amber")),
            Card("green", "Green", (950, 20, 290, 120), Measure("Result", "Green")),
            new("by-council", "barChart", "RAG by council", (20, 160, 600, 260),
            [
                Role("Category", Column("Council", "Council")),
                Role("Y", Measure("Result", "Red"), Measure("Result", "Amber"), Measure("Result", "Green")),
            ]),
            new("period", "slicer", "Period", (640, 160, 600, 260), [Role("Values", Column("Period", "Period label"))]),
            new("by-priority", "pivotTable", "RAG by council and priority", (20, 440, 1220, 260),
            [
                Role("Rows", Column("Council", "Council"), Column("Priority", "Priority")),
                Role("Columns", Column("Result", "RAG")),
                Role("Values", Measure("Result", "Results")),
            ]),
        ]),
        new("indicator", "Indicator trend",
        [
            new("indicator", "slicer", "Indicator", (20, 20, 400, 680), [Role("Values", Column("Indicator", "Indicator"))]),
            new("trend", "lineChart", "Result and target by period", (440, 20, 800, 360),
            [
                Role("Category", Column("Period", "Period label")),
                Role("Y", Measure("Result", "Result value"), Measure("Result", "Target value")),
            ],
            SortBy: Column("Period", "Period label")),
            new("results", "tableEx", "Results", (440, 400, 800, 300),
            [
                Role("Values",
                    Column("Period", "Period label"),
                    Measure("Result", "Result value"),
                    Measure("Result", "Target value"),
                    Column("Result", "RAG"),
                    Column("Result", "Direction vs previous"),
                    Column("Result", "Commentary")),
            ]),
        ]),
        new("data-quality", "Data quality",
        [
            Card("issues", "Data-quality issues", (20, 20, 390, 120), Measure("Data-quality issue", "Data-quality issues")),
            Card("errors", "Errors", (430, 20, 390, 120), Measure("Data-quality issue", "Data-quality errors")),
            Card("rejected", "Rejected submissions", (840, 20, 400, 120), Measure("Submission", "Rejected submissions")),
            new("by-rule", "clusteredBarChart", "Issues by rule", (20, 160, 600, 260),
            [
                Role("Category", Column("Data-quality issue", "Rule")),
                Role("Y", Measure("Data-quality issue", "Data-quality issues")),
            ]),
            new("by-service", "clusteredBarChart", "Issues by service", (640, 160, 600, 260),
            [
                Role("Category", Column("Service", "Service")),
                Role("Y", Measure("Data-quality issue", "Data-quality issues")),
            ]),
            new("issues-list", "tableEx", "Issues", (20, 440, 1220, 260),
            [
                Role("Values",
                    Column("Service", "Service"),
                    Column("Data-quality issue", "Severity"),
                    Column("Data-quality issue", "Rule"),
                    Column("Data-quality issue", "Indicator code"),
                    Column("Data-quality issue", "Period"),
                    Column("Data-quality issue", "Message")),
            ]),
        ]),
        new("follow-ups", "Follow-ups",
        [
            Card("open", "Open follow-ups", (20, 20, 390, 120), Measure("Follow-up", "Open follow-ups")),
            Card("escalated", "Escalated", (430, 20, 390, 120), Measure("Follow-up", "Escalated follow-ups")),
            Card("on-time", "On-time submission rate", (840, 20, 400, 120), Measure("Submission", "On-time submission rate")),
            new("by-kind", "clusteredBarChart", "Open follow-ups by kind", (20, 160, 600, 260),
            [
                Role("Category", Column("Follow-up", "Kind")),
                Role("Y", Measure("Follow-up", "Open follow-ups")),
            ]),
            new("by-service", "clusteredBarChart", "Open follow-ups by service", (640, 160, 600, 260),
            [
                Role("Category", Column("Service", "Service")),
                Role("Y", Measure("Follow-up", "Open follow-ups")),
            ]),
            new("follow-up-list", "tableEx", "Follow-ups", (20, 440, 1220, 260),
            [
                Role("Values",
                    Column("Service", "Service"),
                    Column("Follow-up", "Kind"),
                    Column("Follow-up", "Indicator code"),
                    Column("Follow-up", "Status"),
                    Column("Follow-up", "Escalation level"),
                    Column("Follow-up", "Raised at"),
                    Column("Follow-up", "Owner email")),
            ]),
        ]),
    ];

    private static ReportVisual Card(string name, string title, (int, int, int, int) box, ReportField measure) =>
        new(name, "card", title, box, [Role("Values", measure)]);

    private static KeyValuePair<string, IReadOnlyList<ReportField>> Role(string role, params ReportField[] fields) => new(role, fields);
}
