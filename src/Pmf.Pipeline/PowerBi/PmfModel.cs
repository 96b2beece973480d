namespace Pmf.Pipeline.PowerBi;

/// <summary>
/// The PMF semantic model's shape: which view each table loads, how the tables relate, the measures
/// and the roles. Columns are not listed here: they come from the views in the warehouse.
/// </summary>
public static class PmfModel
{
    /// <summary>The model's name: <c>PmfPipeline.pbip</c>, <c>PmfPipeline.SemanticModel</c>…</summary>
    public const string Name = "PmfPipeline";

    /// <summary>The tables, facts first.</summary>
    public static IReadOnlyList<ModelTable> Tables { get; } =
    [
        new("Result", "v_result", "The current result of each indicator for each period: value, target, RAG, direction of travel, timeliness and where it came from (file, sheet, row, sender)."),
        new("Submission", "v_submission", "Each return file or source pull received, with its verdict and whether it came by the earliest due date of the results it delivered."),
        new("Data-quality issue", "v_dq_issue", "Each data-quality finding on a submission, with the rule, the row and the raw value."),
        new("Follow-up", "v_follow_up", "Each follow-up raised for a late return, a failing indicator or a data-quality problem."),
        new("Published result", "v_result_published", "The results of the periods each council has published: what councillors and open data were shown, the same columns as Result."),
        new("Publication", "v_publication", "Each sign-off step of a council's reporting period (reviewed, approved, published): who took it, when, at which committee, and how many results, Red ones included, publishing took."),
        new("Finance", "v_finance", "Each service's current budget, forecast outturn and variance (forecast less budget: above zero is an overspend) per council and quarter, from the Finance sheet of its returns."),
        new("Published finance", "v_finance_published", "The budget positions of the quarters each council has published: what councillors and open data were shown, the same columns as Finance."),
        new("Action progress", "v_action_progress", "The current update of each delivery-plan action for each period: status, percent complete, commentary, revised and completion dates, and the delivery RAG with its words (Delivered, On track, At risk, Off track, Overdue, Not started)."),
        new("Published action progress", "v_action_progress_published", "The action updates of the periods each council has published, the same columns as Action progress."),
        new("Committee item", "v_committee_item", "What each committee receives: its indicators and delivery-plan actions, by code."),
        new("Milestone", "v_milestone", "Each milestone of a delivery-plan action, with the date it is due."),
        new("Action", "v_action", "Each current action or project of a council's delivery plan: the priority it delivers, the service that delivers it, its lead officer and dates."),
        new("Committee", "v_committee", "Each current committee that receives performance reports, its kind and the members who monitor performance for it."),
        new("Indicator", "v_indicator", "Each indicator as the catalogue now defines it (the last version of a retired one)."),
        new("Period", "v_period", "Each reporting period: months, quarters and financial years."),
        new("Date", "v_date", "Each day, with its financial year, quarter and month, and whether it is a working day.", DateKeyColumn: "Date"),
        new("Council", "v_council", "Each council of the framework."),
        new("Priority", "v_priority", "Each council priority, and each strategic objective under it."),
        new("Service", "v_service", "Each service, with its head of service and director."),
    ];

    /// <summary>
    /// The relationships: facts to dimensions, many to one, single direction; no fact relates to another.
    /// Action and Committee are dimensions of Milestone and Committee item (a snowflake). Committee item
    /// relates to Indicator only: an Item code that names an action finds no indicator (a blank), and a
    /// second relationship to Action would give Council two paths to it (through Committee and through
    /// Action), which Power BI refuses as ambiguous.
    /// </summary>
    public static IReadOnlyList<ModelRelationship> Relationships { get; } =
    [
        new("Result", "Indicator code", "Indicator", "Indicator code"),
        new("Result", "Period key", "Period", "Period key"),
        new("Result", "Date key", "Date", "Date key"),
        new("Result", "Council key", "Council", "Council key"),
        new("Result", "Service key", "Service", "Service key"),
        new("Result", "Priority key", "Priority", "Priority key"),
        new("Submission", "Service key", "Service", "Service key"),
        new("Submission", "Received date key", "Date", "Date key"),
        new("Data-quality issue", "Service key", "Service", "Service key"),
        new("Data-quality issue", "Received date key", "Date", "Date key"),
        new("Data-quality issue", "Indicator code", "Indicator", "Indicator code"),
        new("Follow-up", "Indicator code", "Indicator", "Indicator code"),
        new("Follow-up", "Period key", "Period", "Period key"),
        new("Follow-up", "Service key", "Service", "Service key"),
        new("Published result", "Indicator code", "Indicator", "Indicator code"),
        new("Published result", "Period key", "Period", "Period key"),
        new("Published result", "Date key", "Date", "Date key"),
        new("Published result", "Council key", "Council", "Council key"),
        new("Published result", "Service key", "Service", "Service key"),
        new("Published result", "Priority key", "Priority", "Priority key"),
        new("Finance", "Council key", "Council", "Council key"),
        new("Finance", "Service key", "Service", "Service key"),
        new("Finance", "Period key", "Period", "Period key"),
        new("Finance", "Date key", "Date", "Date key"),
        new("Published finance", "Council key", "Council", "Council key"),
        new("Published finance", "Service key", "Service", "Service key"),
        new("Published finance", "Period key", "Period", "Period key"),
        new("Published finance", "Date key", "Date", "Date key"),
        new("Publication", "Council", "Council", "Council code"),
        new("Publication", "Period", "Period", "Period"),
        new("Committee", "Council code", "Council", "Council code"),
        new("Committee item", "Committee code", "Committee", "Committee code"),
        new("Committee item", "Item code", "Indicator", "Indicator code"),
        new("Action", "Council code", "Council", "Council code"),
        new("Action", "Priority key", "Priority", "Priority key"),
        new("Action", "Service code", "Service", "Service code"),
        new("Milestone", "Action key", "Action", "Action key"),
        new("Action progress", "Action key", "Action", "Action key"),
        new("Action progress", "Period key", "Period", "Period key"),
        new("Action progress", "Date key", "Date", "Date key"),
        new("Published action progress", "Action key", "Action", "Action key"),
        new("Published action progress", "Period key", "Period", "Period key"),
        new("Published action progress", "Date key", "Date", "Date key"),
        new("Milestone", "Due date key", "Date", "Date key"),
    ];

    /// <summary>The measures analysts start from; docs/powerbi.md says what each means.</summary>
    public static IReadOnlyList<ModelMeasure> Measures { get; } =
    [
        new("Result", "Results", "COUNTROWS('Result')", "#,0", "Results", "Current results: one per indicator and period."),
        new("Result", "Green", "CALCULATE(COUNTROWS('Result'), 'Result'[RAG] = \"Green\")", "#,0", "RAG", "Results on or better than target."),
        new("Result", "Amber", "CALCULATE(COUNTROWS('Result'), 'Result'[RAG] = \"Amber\")", "#,0", "RAG", "Results worse than target but within tolerance."),
        new("Result", "Red", "CALCULATE(COUNTROWS('Result'), 'Result'[RAG] = \"Red\")", "#,0", "RAG", "Results beyond tolerance."),
        new("Result", "Scored results", "CALCULATE(COUNTROWS('Result'), 'Result'[RAG] IN {\"Green\", \"Amber\", \"Red\"})", "#,0", "RAG", "Results with a target, so a RAG (not data only)."),
        new("Result", "% on target", "DIVIDE([Green], [Scored results])", "0.0%", "RAG", "Green results as a share of scored results; blank when nothing is scored."),
        new("Result", "Late returns", "CALCULATE(COUNTROWS('Result'), 'Result'[Timeliness] = \"Late\")", "#,0", "Timeliness", "Results first received after their due date."),
        new("Result", "Improving", "CALCULATE(COUNTROWS('Result'), 'Result'[Direction vs previous] = \"Improving\")", "#,0", "Direction of travel", "Results better than the period before."),
        new("Result", "Worsening", "CALCULATE(COUNTROWS('Result'), 'Result'[Direction vs previous] = \"Worsening\")", "#,0", "Direction of travel", "Results worse than the period before."),
        new("Result", "Result value", "SELECTEDVALUE('Result'[Result])", "#,0.##", "Values", "The result of the one indicator and period in view; blank across several (the indicator trend page plots it)."),
        new("Result", "Target value", "SELECTEDVALUE('Result'[Target])", "#,0.##", "Values", "The target of the one indicator and period in view; blank across several or where there is no target."),
        new("Submission", "Submissions", "COUNTROWS('Submission')", "#,0", "Submissions", "Files and pulls received, whatever their verdict."),
        new("Submission", "Late submissions", "CALCULATE(COUNTROWS('Submission'), 'Submission'[Timeliness] = \"Late\")", "#,0", "Submissions", "Submissions received after the earliest due date of the results they delivered."),
        new("Submission", "On-time submission rate", "DIVIDE(CALCULATE(COUNTROWS('Submission'), 'Submission'[Timeliness] = \"On time\"), CALCULATE(COUNTROWS('Submission'), 'Submission'[Timeliness] IN {\"On time\", \"Late\"}))", "0.0%", "Submissions", "On-time submissions as a share of submissions that delivered results."),
        new("Submission", "Rejected submissions", "CALCULATE(COUNTROWS('Submission'), 'Submission'[Verdict] = \"Rejected\")", "#,0", "Submissions", "Submissions the data-quality gate rejected whole."),
        new("Published result", "Published results", "COUNTROWS('Published result')", "#,0", "Published", "Results of published periods: what councillors were shown."),
        new("Published result", "Published % on target", "DIVIDE(CALCULATE(COUNTROWS('Published result'), 'Published result'[RAG] = \"Green\"), CALCULATE(COUNTROWS('Published result'), 'Published result'[RAG] IN {\"Green\", \"Amber\", \"Red\"}))", "0.0%", "Published", "Green results as a share of scored results, published periods only."),
        new("Finance", "Total budget", "SUM('Finance'[Budget])", "£#,0", "Finance", "The services' budgets for the year in view (a quarter's forecast: pick one quarter)."),
        new("Finance", "Total forecast outturn", "SUM('Finance'[Forecast outturn])", "£#,0", "Finance", "What the services forecast to spend by the year's end, as at the quarter in view."),
        new("Finance", "Total variance", "SUM('Finance'[Variance])", "£#,0", "Finance", "Forecast outturn less budget: above zero is an overspend."),
        new("Finance", "Total variance %", "DIVIDE([Total variance], [Total budget])", "0.0%", "Finance", "The variance as a share of the budget; blank where the budget is zero."),
        new("Action", "Actions", "COUNTROWS('Action')", "#,0", "Delivery plan", "Current delivery-plan actions."),
        new("Milestone", "Milestones", "COUNTROWS('Milestone')", "#,0", "Delivery plan", "Milestones of the current actions."),
        new("Action progress", "Action updates", "COUNTROWS('Action progress')", "#,0", "Delivery plan", "Current updates on actions: one per action and period."),
        new("Action progress", "Actions delivered", "CALCULATE(COUNTROWS('Action progress'), 'Action progress'[Delivery] = \"Delivered\")", "#,0", "Delivery plan", "Updates reporting the action complete."),
        new("Action progress", "Actions Red", "CALCULATE(COUNTROWS('Action progress'), 'Action progress'[Delivery RAG] = \"Red\")", "#,0", "Delivery plan", "Updates off track, or overdue: not complete past the due (or revised) date."),
        new("Follow-up", "Open follow-ups", "CALCULATE(COUNTROWS('Follow-up'), 'Follow-up'[Open] = \"Yes\")", "#,0", "Follow-ups", "Follow-ups not yet resolved."),
        new("Follow-up", "Escalated follow-ups", "CALCULATE(COUNTROWS('Follow-up'), 'Follow-up'[Open] = \"Yes\", 'Follow-up'[Escalation level] > 0)", "#,0", "Follow-ups", "Open follow-ups escalated at least once."),
        new("Data-quality issue", "Data-quality issues", "COUNTROWS('Data-quality issue')", "#,0", "Data quality", "Data-quality findings of any severity."),
        new("Data-quality issue", "Data-quality errors", "CALCULATE(COUNTROWS('Data-quality issue'), 'Data-quality issue'[Severity] = \"Error\")", "#,0", "Data quality", "Findings that stopped a row or a file."),
    ];

    /// <summary>Columns that sort by another column rather than alphabetically: table, column, sort-by column.</summary>
    public static IReadOnlyList<(string Table, string Column, string SortBy)> SortOrders { get; } =
    [
        ("Result", "RAG", "RAG order"),
        ("Result", "Period", "Period key"),
        ("Published result", "RAG", "RAG order"),
        ("Published result", "Period", "Period key"),
        ("Finance", "Period", "Period key"),
        ("Published finance", "Period", "Period key"),
        ("Action progress", "Delivery RAG", "RAG order"),
        ("Action progress", "Period", "Period key"),
        ("Published action progress", "Delivery RAG", "RAG order"),
        ("Published action progress", "Period", "Period key"),
        ("Period", "Period", "Period key"),
        ("Date", "Month", "Financial month"),
        ("Date", "Day of week", "Day number"),
        ("Period", "Period label", "Period key"),
    ];

    /// <summary>Columns worth adding up; every other column is not summarised.</summary>
    public static IReadOnlySet<string> Summed { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "Rows read", "Rows loaded", "Rows rejected", "Warnings", "Errors", "Budget", "Forecast outturn", "Variance",
    };

    /// <summary>
    /// Columns that say who sent what (file names, storage paths, sender e-mail addresses), in whichever
    /// table has them: only the performance team's role sees them (object-level security); every other
    /// role has them hidden, so a new table with a <c>Sender</c> column is covered without another line.
    /// </summary>
    public static IReadOnlySet<string> SenderColumns { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "File", "Blob path", "Sender", "Source",
    };

    /// <summary>The role that sees every row and every column, sender columns included.</summary>
    public const string PerformanceTeam = "Performance team";

    /// <summary>
    /// Row-level security. The performance team sees everything. One role per council sees its council,
    /// priorities and indicators, and so (through the relationships) their results, data-quality
    /// issues and follow-ups, and the submissions that delivered or failed its indicators
    /// (<c>Council codes</c>). Heads of service and directors see their own services (matched on the
    /// signed-in e-mail), and so their results, submissions (pulls included), issues and follow-ups.
    /// Date and Period are calendars every role sees whole. The councils' governance records
    /// (Publication, Committee, Committee item) concern a council, not a service: council roles see their
    /// own, heads of service see them whole. A new fact table is covered by a relationship to Council,
    /// Indicator or Service; one with none needs a filter here.
    /// </summary>
    /// <param name="councilCodes">The councils in the warehouse.</param>
    /// <returns>The roles.</returns>
    public static IReadOnlyList<ModelRole> Roles(IEnumerable<string> councilCodes)
    {
        ArgumentNullException.ThrowIfNull(councilCodes);
        var roles = new List<ModelRole> { new(PerformanceTeam, [], SeesSenders: true) };
        roles.AddRange(councilCodes.Select(code =>
        {
            var literal = "\"" + code.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            return new ModelRole($"Council {code}",
            [
                new("Council", $"'Council'[Council code] = {literal}"),
                new("Indicator", $"'Indicator'[Council code] = {literal}"),
                new("Priority", $"'Priority'[Council code] = {literal}"),
                new("Submission", $"PATHCONTAINS('Submission'[Council codes], {literal})"),
            ],
            SeesSenders: false);
        }));
        roles.Add(new ModelRole("Head of service",
        [
            new("Service", "'Service'[Head of service email] = USERPRINCIPALNAME() || 'Service'[Director email] = USERPRINCIPALNAME()"),
        ],
        SeesSenders: false));
        return roles;
    }

    /// <summary>The display folder of a column: keys together, lineage together, timeliness together.</summary>
    public static string? DisplayFolder(string table, string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (column.EndsWith(" key", StringComparison.Ordinal))
        {
            return "Keys";
        }

        return (table, column) switch
        {
            ("Finance" or "Published finance", "Submission id" or "Sheet" or "Row" or "Loaded at") => "Lineage",
            ("Result" or "Published result", "Submission id" or "File" or "Sheet" or "Row" or "Sender" or "Received at" or "Loaded at") => "Lineage",
            ("Result" or "Published result", "Due date" or "First received date" or "Timeliness") => "Timeliness",
            ("Result" or "Published result", "Target" or "Amber threshold" or "RAG" or "RAG order" or "Direction vs previous" or "Direction vs last year") => "Scoring",
            ("Result" or "Published result", "Result" or "Numerator" or "Denominator" or "Unit" or "Status" or "Nil return") => "Values",
            ("Submission" or "Data-quality issue", "File" or "Sheet" or "Row" or "Column" or "Raw value" or "Sender" or "Blob path" or "Received at") => "Lineage",
            _ => null,
        };
    }
}
