using Pmf.Pipeline.Alerts;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.Reports;
using Pmf.Pipeline.Samples;
using Pmf.Pipeline.Samples.Frameworks;
using Pmf.Pipeline.Warehouse;
using Spectre.Console;

namespace Pmf.Cli.Commands;

/// <summary>What one run of the demo did, for <see cref="DemoReport"/>.</summary>
internal sealed record DemoRun(
    DirectoryInfo Folder,
    DateOnly Today,
    DemoFramework Demo,
    Framework Framework,
    CliServices Services,
    MigrationOutcome Migration,
    CatalogueLoadOutcome Outcome,
    bool ReturnsAlreadyIn,
    IReadOnlyList<IngestOutcome> Ingested,
    IReadOnlyList<string> Stories,
    IReadOnlyList<PullOutcome> Pulled,
    SweepOutcome Swept,
    Pipeline.PowerBi.PowerBiProject PowerBi,
    IReadOnlyList<TemplateCommand.Written> Templates,
    IReadOnlyList<WrittenReport> Reports,
    IReadOnlyList<Pipeline.Publication.PublicationStep> Published,
    OpenDataFiles OpenData)
{
    /// <summary>The annual review of the current financial year, one per council.</summary>
    public IReadOnlyList<WrittenReport> AnnualReviews { get; init; } = [];

    /// <summary>The returns that arrived after they were due, with when.</summary>
    public IReadOnlyList<(string Name, DateTimeOffset At)> ArrivedLate { get; init; } = [];
}

/// <summary>How the demo's run looks in a terminal, or as one JSON document.</summary>
internal static class DemoReport
{
    public static void Write(CliContext cli, DemoRun run, bool json)
    {
        var folder = run.Folder.FullName;
        var cataloguePath = Path.Combine(folder, "catalogue.xlsx");
        var options = run.Services.WarehouseOptions;
        if (json)
        {
            cli.WriteJson(new
            {
                folder, cataloguePath, warehouse = options.ConnectionString, migration = run.Migration, outcome = run.Outcome,
                returns = run.Ingested, pulls = run.Pulled.Select(p => p.Run).ToList(), sweep = run.Swept, powerBi = run.PowerBi.Folder, reports = run.Reports, annualReviews = run.AnnualReviews, published = run.Published, openData = run.OpenData,
                framework = run.Demo.Name,
            });
            return;
        }

        var console = cli.Console;
        console.Write(new Rule("[bold]PMF Pipeline demo[/]").LeftJustified());
        console.MarkupLineInterpolated($"[bold]{run.Demo.Title}[/]");
        console.MarkupLineInterpolated($"As of [bold]{run.Today:d MMMM yyyy}[/] (financial year {FinancialYear.Containing(run.Today)}), in [bold]{folder}[/]");
        WarehouseReport.Migration(console, options, run.Migration, eachScript: false);
        CatalogueReport.Write(console, run.Outcome);
        console.Write(FrameworkTable(run.Framework));
        if (run.ReturnsAlreadyIn)
        {
            console.MarkupLine("The demo's returns were already ingested in this folder; nothing changed. Use a new --out folder to run it from scratch.");
        }
        else
        {
            IngestReport.Write(console, run.Ingested, run.Stories);
            var latest = Period.Containing(run.Today, Frequency.Quarterly).Previous();
            console.MarkupLineInterpolated($"Not received: the {latest.Key} return from service {SampleReturns.LateService} (the demo's missing return).");
            foreach (var (name, at) in run.ArrivedLate)
            {
                console.MarkupLineInterpolated($"Arrived after it was due: {name}, on {at.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}.");
            }

            PullCommand.Write(console, run.Pulled);
        }

        SweepCommand.Write(console, run.Swept, run.Services.Get<IMailTransport>());
        if (!run.ReturnsAlreadyIn)
        {
            console.MarkupLineInterpolated($"{Overdue(run)}");
        }

        console.MarkupLineInterpolated($"Catalogue workbook: [link]{cataloguePath}[/]");
        console.MarkupLineInterpolated($"Returns and reports: [link]{Path.Combine(folder, "storage")}[/] (processed/ and rejected/, each file with its .report.html, .csv and .eml)");
        console.MarkupLineInterpolated(
            $"Digests for heads of service and {run.Ingested.Count(i => i.Feedback?.Sent == true)} reports mailed to senders: [link]{Path.Combine(folder, "outbox")}[/] (.eml files)");
        console.MarkupLineInterpolated($"Return templates:   [link]{Path.Combine(folder, "templates")}[/] ({run.Templates.Count(t => t.Path is not null)} services, {Period.Containing(run.Today, Frequency.Quarterly)}: pre-filled, to send out; see docs/templates.md)");
        console.MarkupLineInterpolated($"Power BI project:   [link]{run.PowerBi.Folder}[/] (open PmfPipeline.pbip in Power BI Desktop; see docs/powerbi.md)");
        var committeeReports = run.Reports.Count(r => r.CommitteeCode is not null);
        console.MarkupLineInterpolated(
            $"Performance reports: [link]{Path.Combine(folder, "reports")}[/] ({run.Reports.FirstOrDefault()?.Period}, one HTML page per council{(committeeReports == 0 ? "" : $" and one per committee ({committeeReports})")}: open in a browser, print to A4)");
        foreach (var step in run.Published)
        {
            console.MarkupLineInterpolated($"{step.CouncilCode} {step.Period.Key}: {step.Stage.ToString().ToLowerInvariant()}{(step.Committee is null ? "" : " by " + step.Committee)}{(step.Stage == Pipeline.Publication.PublicationStage.Published ? $" ({step.Results} results, {step.RedResults} of them Red)" : "")}");
        }

        foreach (var review in run.AnnualReviews.Where(r => r.Review is not null))
        {
            var r = review.Review!;
            console.MarkupLineInterpolated(
                $"Annual review:      [link]{review.Path}[/] ({review.CouncilCode} {r.Year}{(r.Complete ? "" : $", the year so far to {r.AsAt}")}: {ReportWords.Count(r.Achievements, "achievement")}, {(r.CaseStudies == 1 ? "1 case study" : $"{r.CaseStudies} case studies")}, {r.Forward} carried forward)");
        }

        console.MarkupLineInterpolated($"Open data:          [link]{run.OpenData.CsvPath}[/] and .json ({run.OpenData.Results} published results; see docs/open-data.md), {ReportWords.Count(run.OpenData.Actions, "published action update")} in [link]{run.OpenData.ActionsCsvPath}[/] and {ReportWords.Count(run.OpenData.FinanceRows, "published budget position")} in [link]{run.OpenData.FinanceCsvPath}[/]");
        console.MarkupLineInterpolated($"Warehouse:          [link]{Path.Combine(folder, "warehouse.db")}[/] (open it with any SQLite tool; tables dim_*, fact_*)");
        console.MarkupLineInterpolated(
            $"Settings:           [link]{Path.Combine(folder, DemoSettings.FileName)}[/] (run other commands in that folder, or pass [bold]--config {Path.Combine(run.Folder.ToString(), DemoSettings.FileName)}[/], to work on the demo's warehouse)");
    }

    /// <summary>
    /// The sweep's overdue rows by service, each with why, so what the demo printed about its returns and what
    /// heads of service are told agree: the missing return's rows, and rows rejected from a return and not yet corrected.
    /// </summary>
    internal static string Overdue(DemoRun run)
    {
        var owed = run.Swept.Changes.Open.Where(o => o.Kind == Pipeline.FollowUp.FollowUpKind.Late)
            .GroupBy(o => o.ServiceCode, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {ReportWords.Count(g.Sum(o => o.Count), "row")} ({Why(run, g.Key)})")
            .ToList();
        return owed.Count == 0
            ? $"Overdue on {run.Today:d MMM yyyy}: none."
            : $"Overdue on {run.Today:d MMM yyyy}: {string.Join("; ", owed)}.";
    }

    private static string Why(DemoRun run, string service) =>
        service == SampleReturns.LateService ? "its latest return never arrived"
        : run.Ingested.Any(i => i.Name.StartsWith(service + "/", StringComparison.Ordinal) && i.Load?.RowsRejected > 0) ? "rows rejected from its return, not yet corrected"
        : "rows missing from its returns";

    private static Table FrameworkTable(Framework framework)
    {
        var table = new Table().Title("Indicators by council and frequency").Border(TableBorder.Rounded)
            .AddColumns("Council", "Monthly", "Quarterly", "Annual", "Qualitative", "With targets");
        var targeted = framework.Targets.Select(t => t.IndicatorCode).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var council in framework.Councils)
        {
            var mine = framework.Indicators.Where(i => i.CouncilCode == council.Code).ToList();
            table.AddRow(
                Markup.Escape(council.Name),
                Count(mine, i => i.Frequency == Frequency.Monthly),
                Count(mine, i => i.Frequency == Frequency.Quarterly),
                Count(mine, i => i.Frequency == Frequency.Annual),
                Count(mine, i => i.Type == IndicatorType.Qualitative),
                Count(mine, i => targeted.Contains(i.Code)));
        }

        return table;
    }

    private static string Count(List<Indicator> indicators, Func<Indicator, bool> predicate) =>
        indicators.Count(predicate).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
