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
        Breakdown("data-quality", "Data quality",
            [("issues", "Data-quality issues", Measure("Data-quality issue", "Data-quality issues")),
             ("errors", "Errors", Measure("Data-quality issue", "Data-quality errors")),
             ("rejected", "Rejected submissions", Measure("Submission", "Rejected submissions"))],
            [("by-rule", "Issues by rule", Column("Data-quality issue", "Rule"), Measure("Data-quality issue", "Data-quality issues")),
             ("by-service", "Issues by service", Column("Service", "Service"), Measure("Data-quality issue", "Data-quality issues"))],
            ("issues-list", "Issues",
            [
                Column("Service", "Service"),
                Column("Data-quality issue", "Severity"),
                Column("Data-quality issue", "Rule"),
                Column("Data-quality issue", "Indicator code"),
                Column("Data-quality issue", "Period"),
                Column("Data-quality issue", "Message"),
            ])),
        Breakdown("follow-ups", "Follow-ups",
            [("open", "Open follow-ups", Measure("Follow-up", "Open follow-ups")),
             ("escalated", "Escalated", Measure("Follow-up", "Escalated follow-ups")),
             ("on-time", "On-time submission rate", Measure("Submission", "On-time submission rate"))],
            [("by-kind", "Open follow-ups by kind", Column("Follow-up", "Kind"), Measure("Follow-up", "Open follow-ups")),
             ("by-service", "Open follow-ups by service", Column("Service", "Service"), Measure("Follow-up", "Open follow-ups"))],
            ("follow-up-list", "Follow-ups",
            [
                Column("Service", "Service"),
                Column("Follow-up", "Kind"),
                Column("Follow-up", "Indicator code"),
                Column("Follow-up", "Status"),
                Column("Follow-up", "Escalation level"),
                Column("Follow-up", "Raised at"),
                Column("Follow-up", "Owner email"),
            ])),
    ];

    // Three cards across the top, two bar charts (a measure by a category) below them, and a list across the bottom.
    private static ReportPage Breakdown(
        string name,
        string displayName,
        (string Name, string Title, ReportField Measure)[] cards,
        (string Name, string Title, ReportField Category, ReportField Measure)[] bars,
        (string Name, string Title, ReportField[] Columns) list) =>
        new(name, displayName,
        [
            .. cards.Select((c, i) => Card(c.Name, c.Title, (20 + (i * 410), 20, 400, 120), c.Measure)),
            .. bars.Select((b, i) => new ReportVisual(b.Name, "clusteredBarChart", b.Title, (20 + (i * 620), 160, 600, 260), [Role("Category", b.Category), Role("Y", b.Measure)])),
            new(list.Name, "tableEx", list.Title, (20, 440, 1220, 260), [Role("Values", list.Columns)]),
        ]);

    private static ReportVisual Card(string name, string title, (int, int, int, int) box, ReportField measure) =>
        new(name, "card", title, box, [Role("Values", measure)]);

    private static KeyValuePair<string, IReadOnlyList<ReportField>> Role(string role, params ReportField[] fields) => new(role, fields);
}
