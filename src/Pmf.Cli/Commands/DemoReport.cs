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
    OpenDataFiles OpenData);

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
                returns = run.Ingested, pulls = run.Pulled.Select(p => p.Run).ToList(), sweep = run.Swept, powerBi = run.PowerBi.Folder, reports = run.Reports, published = run.Published, openData = run.OpenData,
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
            console.MarkupLineInterpolated($"Not received: the latest return from service {SampleReturns.LateService} (the demo's late return).");
            PullCommand.Write(console, run.Pulled);
        }

        SweepCommand.Write(console, run.Swept, run.Services.Get<IMailTransport>());

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

        console.MarkupLineInterpolated($"Open data:          [link]{run.OpenData.CsvPath}[/] and .json ({run.OpenData.Results} published results; see docs/open-data.md), and {run.OpenData.Actions} published action updates in [link]{run.OpenData.ActionsCsvPath}[/]");
        console.MarkupLineInterpolated($"Warehouse:          [link]{Path.Combine(folder, "warehouse.db")}[/] (open it with any SQLite tool; tables dim_*, fact_*)");
        console.MarkupLineInterpolated(
            $"Settings:           [link]{Path.Combine(folder, DemoSettings.FileName)}[/] (run other commands in that folder, or pass [bold]--config {Path.Combine(run.Folder.ToString(), DemoSettings.FileName)}[/], to work on the demo's warehouse)");
    }

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
