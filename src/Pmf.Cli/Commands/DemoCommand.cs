using System.CommandLine;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Pmf.Pipeline.Alerts;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.PowerBi;
using Pmf.Pipeline.Reports;
using Pmf.Pipeline.Samples;
using Pmf.Pipeline.Samples.Frameworks;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Templates;
using Pmf.Pipeline.Warehouse;
using Spectre.Console;

namespace Pmf.Cli.Commands;

/// <summary>
/// <c>pmf demo</c>: the product's main job end to end on the embedded default (a SQLite file),
/// from a realistic joint-council framework. Running it again changes nothing.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(CliContext cli)
    {
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Folder for the demo's catalogue, warehouse and outputs.",
            DefaultValueFactory = _ => new DirectoryInfo("pmf-demo"),
        };
        var asOf = new Option<DateOnly?>("--as-of")
        {
            Description = "Run the demo as if today were this date (default: today). Fixes the financial years it uses.",
        };
        var frameworkName = new Option<string>("--framework")
        {
            Description = $"Which framework to run: {string.Join(", ", DemoFrameworks.All.Select(f => f.Name))}.",
            DefaultValueFactory = _ => DemoFrameworks.Default,
        };
        var command = new Command("demo", "Run the pipeline end to end on a sample framework (--framework), into a SQLite warehouse.") { output, asOf, frameworkName };
        command.SetAction((parse, cancellationToken) => cli.RunAsync(async () =>
        {
            var folder = parse.GetValue(output)!;
            var today = parse.GetValue(asOf) ?? UkClock.Today(cli.Time);
            var demo = DemoFrameworks.Named(parse.GetValue(frameworkName));
            var result = await RunAsync(cli, demo, folder, today, parse.GetValue(GlobalOptions.Json), cancellationToken);
            return result.Loaded && result.Problems.Count == 0 ? ExitCodes.Done : ExitCodes.DataProblems;
        }));
        return command;
    }

    internal const string SubmissionCountSql = "SELECT COUNT(*) FROM submission";

    private static async Task<CatalogueLoadOutcome> RunAsync(CliContext cli, DemoFramework demo, DirectoryInfo folder, DateOnly today, bool json, CancellationToken cancellationToken)
    {
        folder.Create();
        var cataloguePath = Path.Combine(folder.FullName, "catalogue.xlsx");
        var options = new WarehouseOptions { Provider = "sqlite", ConnectionString = $"Data Source={Path.Combine(folder.FullName, "warehouse.db")}" };
        var warehouse = new WarehouseDatabase(options);
        var framework = demo.Create(FinancialYear.Containing(today));

        CatalogueLoadOutcome outcome = null!;
        MigrationOutcome migration = null!;
        var store = new LocalFolderReturnStore(Path.Combine(folder.FullName, "storage"), cli.Time);
        var ingested = new List<IngestOutcome>();
        var stories = new List<string>();
        var returnsAlreadyIn = false;
        IReadOnlyList<PullOutcome> pulled = [];
        SweepOutcome swept = null!;
        PowerBiProject powerBi = null!;
        IReadOnlyList<TemplateCommand.Written> templates = [];
        IReadOnlyList<WrittenReport> reports = [];
        OpenDataFiles openData = null!;
        var outbox = new AlertOptions { OutboxFolder = Path.Combine(folder.FullName, "outbox") };
        var transport = MailTransports.Create(outbox);
        await cli.StepsAsync(json, async step =>
        {
            step("Writing the demo's settings (pmf.json), so every other command can work on its warehouse");
            await DemoSettings.WriteAsync(folder.FullName, cancellationToken);
            step("Writing the sample catalogue workbook");
            CatalogueWorkbookWriter.Write(framework, cataloguePath);
            step("Creating the SQLite warehouse");
            migration = await warehouse.MigrateAsync(cancellationToken);
            step("Validating and loading the catalogue");
            await using var stream = File.OpenRead(cataloguePath);
            outcome = await new LoadCatalogueJob(warehouse, cli.Time, NullLogger<LoadCatalogueJob>.Instance)
                .RunAsync(stream, Path.GetFileName(cataloguePath), today, cancellationToken);

            await using (var connection = await warehouse.OpenAsync(cancellationToken))
            {
                returnsAlreadyIn = await connection.ExecuteScalarAsync<long>(new CommandDefinition(SubmissionCountSql, cancellationToken: cancellationToken)) > 0;
            }

            if (!returnsAlreadyIn)
            {
                var job = new IngestReturnJob(warehouse, store, cli.Time, NullLogger<IngestReturnJob>.Instance, mail: transport);
                foreach (var file in SampleReturns.Create(framework, today))
                {
                    step($"Ingesting {file.ReturnPath} ({file.Story})");
                    using var content = new MemoryStream(SampleReturnWriter.ToBytes(file));
                    await store.DropAsync(ReturnPath.Parse(file.ReturnPath).Path!, content, null, cancellationToken);
                    ingested.Add(await job.RunAsync(file.ReturnPath, cancellationToken));
                    stories.Add(file.Story);
                }

                step("Pulling from the housing system (REST) and the revenues database (SQL)");
                await using var systems = await SampleSources.StartAsync(framework, Path.Combine(folder.FullName, "service-systems"), today, cancellationToken);
                using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
                pulled = await new PullSourcesJob(warehouse, systems.Sources, systems.Secrets, http, cli.Time, NullLogger<PullSourcesJob>.Instance)
                    .RunAsync(null, AsOf(today), cancellationToken);
            }

            step("Sweeping for late returns, failing indicators and data-quality failures");
            swept = await new SweepJob(warehouse, transport, cli.Time, NullLogger<SweepJob>.Instance, alerts: outbox).RunAsync(AsOf(today), cancellationToken);
            step("Writing this quarter's return templates, one per service");
            templates = await TemplateCommand.WriteAllAsync(new TemplateQuery(warehouse), Period.Containing(today, Frequency.Quarterly), Path.Combine(folder.FullName, "templates"), cancellationToken);
            step("Writing the Power BI project");
            powerBi = await PowerBiProjectWriter.WriteAsync(warehouse, options.ConnectionString, Path.Combine(folder.FullName, "powerbi"), cancellationToken);
            step("Writing the quarterly performance report for the latest quarter, for each council and each committee");
            var writer = new PerformanceReportWriter(warehouse, cli.Time);
            var quarter = ReportPeriods.For(PerformanceReportKind.Quarterly, Period.Containing(today, Frequency.Quarterly).Previous());
            var reportFolder = Path.Combine(folder.FullName, "reports");
            reports = [.. await writer.WriteAsync(quarter, null, reportFolder, cancellationToken), .. await writer.WriteCommitteesAsync(quarter, null, null, reportFolder, cancellationToken)];
            step("Writing the latest quarter's published results as open data");
            openData = await new OpenDataExport(warehouse, cli.Time).WriteAsync(quarter.Period, null, Path.Combine(folder.FullName, "open-data"), cancellationToken);
        });

        if (json)
        {
            cli.WriteJson(new
            {
                folder = folder.FullName, catalogue = cataloguePath, warehouse = options.ConnectionString, migration, outcome,
                returns = ingested, pulls = pulled.Select(p => p.Run).ToList(), sweep = swept, powerBi = powerBi.Folder, reports, openData,
                framework = demo.Name,
            });
            return outcome;
        }

        cli.Console.Write(new Rule("[bold]PMF Pipeline demo[/]").LeftJustified());
        cli.Console.MarkupLineInterpolated($"[bold]{demo.Title}[/]");
        cli.Console.MarkupLineInterpolated($"As of [bold]{today:d MMMM yyyy}[/] (financial year {FinancialYear.Containing(today)}), in [bold]{folder.FullName}[/]");
        WarehouseReport.Migration(cli.Console, options, migration, eachScript: false);
        CatalogueReport.Write(cli.Console, outcome);
        cli.Console.Write(FrameworkTable(framework));
        if (returnsAlreadyIn)
        {
            cli.Console.MarkupLine("The demo's returns were already ingested in this folder; nothing changed. Use a new --out folder to run it from scratch.");
        }
        else
        {
            IngestReport.Write(cli.Console, ingested, stories);
            var late = SampleReturns.LateService;
            cli.Console.MarkupLineInterpolated($"Not received: the latest return from service {late} (the demo's late return).");
            PullCommand.Write(cli.Console, pulled);
        }

        SweepCommand.Write(cli.Console, swept, transport);

        cli.Console.MarkupLineInterpolated($"Catalogue workbook: [link]{cataloguePath}[/]");
        cli.Console.MarkupLineInterpolated($"Returns and reports: [link]{store.Root}[/] (processed/ and rejected/, each file with its .report.html, .csv and .eml)");
        cli.Console.MarkupLineInterpolated(
            $"Digests for heads of service and {ingested.Count(i => i.Feedback?.Sent == true)} reports mailed to senders: [link]{outbox.OutboxFolder}[/] (.eml files)");
        cli.Console.MarkupLineInterpolated($"Return templates:   [link]{Path.Combine(folder.FullName, "templates")}[/] ({templates.Count(t => t.Path is not null)} services, {Period.Containing(today, Frequency.Quarterly)}: pre-filled, to send out; see docs/templates.md)");
        cli.Console.MarkupLineInterpolated($"Power BI project:   [link]{powerBi.Folder}[/] (open PmfPipeline.pbip in Power BI Desktop; see docs/powerbi.md)");
        var committeeReports = reports.Count(r => r.CommitteeCode is not null);
        cli.Console.MarkupLineInterpolated(
            $"Performance reports: [link]{Path.Combine(folder.FullName, "reports")}[/] ({reports.FirstOrDefault()?.Period}, one HTML page per council{(committeeReports == 0 ? "" : $" and one per committee ({committeeReports})")}: open in a browser, print to A4)");
        cli.Console.MarkupLineInterpolated($"Open data:          [link]{openData.CsvPath}[/] and .json ({openData.Results} published results; see docs/open-data.md)");
        cli.Console.MarkupLineInterpolated($"Warehouse:          [link]{Path.Combine(folder.FullName, "warehouse.db")}[/] (open it with any SQLite tool; tables dim_*, fact_*)");
        cli.Console.MarkupLineInterpolated(
            $"Settings:           [link]{Path.Combine(folder.FullName, DemoSettings.FileName)}[/] (run other commands in that folder, or pass [bold]--config {Path.Combine(folder.ToString(), DemoSettings.FileName)}[/], to work on the demo's warehouse)");
        return outcome;
    }

    /// <summary>The demo sweeps and pulls at 07:00 UK time on its day, as the morning timer would.</summary>
    private static DateTimeOffset AsOf(DateOnly today) =>
        new(today.ToDateTime(new TimeOnly(7, 0)), UkClock.Zone.GetUtcOffset(today.ToDateTime(new TimeOnly(7, 0))));

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
