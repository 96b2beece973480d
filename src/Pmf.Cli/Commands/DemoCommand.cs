using System.CommandLine;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.PowerBi;
using Pmf.Pipeline.Publication;
using Pmf.Pipeline.Reports;
using Pmf.Pipeline.Samples;
using Pmf.Pipeline.Samples.Frameworks;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Templates;
using Pmf.Pipeline.Warehouse;

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
        command.SetAction((parse, cancellationToken) => cli.RunAsync(parse, async () =>
        {
            var folder = parse.GetValue(output)!;
            var today = parse.GetValue(asOf) ?? UkClock.Today(cli.Time);
            var demo = DemoFrameworks.Named(parse.GetValue(frameworkName));
            var result = await RunAsync(cli, demo, folder, today, CliContext.Json(parse), cancellationToken);
            return result.Loaded && result.Problems.Count == 0 ? ExitCodes.Done : ExitCodes.DataProblems;
        }));
        return command;
    }

    internal const string SubmissionCountSql = "SELECT COUNT(*) FROM submission";

    private static async Task<CatalogueLoadOutcome> RunAsync(CliContext cli, DemoFramework demo, DirectoryInfo folder, DateOnly today, bool json, CancellationToken cancellationToken)
    {
        folder.Create();
        var cataloguePath = Path.Combine(folder.FullName, "catalogue.xlsx");
        var settingsPath = Path.Combine(folder.FullName, DemoSettings.FileName);
        var framework = demo.Create(FinancialYear.Containing(today));

        CatalogueLoadOutcome outcome = null!;
        MigrationOutcome migration = null!;
        var ingested = new List<IngestOutcome>();
        var stories = new List<string>();
        var returnsAlreadyIn = false;
        IReadOnlyList<PullOutcome> pulled = [];
        SweepOutcome swept = null!;
        PowerBiProject powerBi = null!;
        IReadOnlyList<TemplateCommand.Written> templates = [];
        IReadOnlyList<WrittenReport> reports = [];
        IReadOnlyList<WrittenReport> annual = [];
        OpenDataFiles openData = null!;
        IReadOnlyList<PublicationStep> published = [];
        var arrivedLate = new List<(string Name, DateTimeOffset At)>();
        CliServices? services = null;
        try
        {
            await cli.StepsAsync(json, async step =>
            {
                step("Writing the demo's settings (pmf.json), so every other command can work on its warehouse");
                await DemoSettings.WriteAsync(folder.FullName, cancellationToken);

                // The settings file is the demo's composition, as it is for any command run in its folder afterwards.
                services = await CliServices.StartAsync(CliSettings.File(settingsPath), cli.Time, replace: null, cancellationToken);
                var warehouse = services.Warehouse;
                step("Writing the sample catalogue workbook");
                CatalogueWorkbookWriter.Write(framework, cataloguePath);
                step("Creating the SQLite warehouse");
                migration = await warehouse.MigrateAsync(cancellationToken);
                step("Validating and loading the catalogue");
                await using var stream = File.OpenRead(cataloguePath);
                outcome = await services.Get<LoadCatalogueJob>().RunAsync(stream, Path.GetFileName(cataloguePath), today, cancellationToken);

                await using (var connection = await warehouse.OpenAsync(cancellationToken))
                {
                    returnsAlreadyIn = await connection.ExecuteScalarAsync<long>(new CommandDefinition(SubmissionCountSql, cancellationToken: cancellationToken)) > 0;
                }

                if (!returnsAlreadyIn)
                {
                    var store = services.Get<IReturnStore>();
                    var job = services.Get<IngestReturnJob>();
                    // Each return arrives on its own day (the file's time is what the gate records as received).
                    var arrivals = new DemoArrivals(framework, AsOf(today));
                    var latest = Period.Containing(today, Frequency.Quarterly).Previous();
                    foreach (var file in SampleReturns.Create(framework, today).Concat(SampleReturns.MonthsDueSoFar(framework, today)))
                    {
                        var (arrived, late) = arrivals.Of(file, latest);
                        var story = late ? "arrived after it was due" : file.Story;
                        if (late)
                        {
                            arrivedLate.Add((file.ReturnPath, arrived));
                        }

                        step($"Ingesting {file.ReturnPath} ({story})");
                        var path = ReturnPath.Parse(file.ReturnPath).Path!;
                        using (var content = new MemoryStream(SampleReturnWriter.ToBytes(file)))
                        {
                            await store.DropAsync(path, content, null, cancellationToken);
                        }

                        (store as LocalFolderReturnStore)?.SetArrival(path, arrived);
                        ingested.Add(await job.RunAsync(file.ReturnPath, cancellationToken));
                        stories.Add(story);
                    }

                    if (await DemoCaseStudy.ReturnAsync(warehouse, Period.Containing(today, Frequency.Quarterly).Previous(), cancellationToken) is { } caseStudy)
                    {
                        step($"Ingesting {caseStudy.ReturnPath} (a case study for the annual review)");
                        using var content = new MemoryStream(caseStudy.Content);
                        await store.DropAsync(ReturnPath.Parse(caseStudy.ReturnPath).Path!, content, null, cancellationToken);
                        ingested.Add(await job.RunAsync(caseStudy.ReturnPath, cancellationToken));
                        stories.Add("a case study for the annual review");
                    }

                    foreach (var file in SampleFinance.Create(framework, today))
                    {
                        step($"Ingesting {file.ReturnPath} ({file.Story})");
                        using var content = new MemoryStream(file.ToBytes());
                        await store.DropAsync(ReturnPath.Parse(file.ReturnPath).Path!, content, null, cancellationToken);
                        ingested.Add(await job.RunAsync(file.ReturnPath, cancellationToken));
                        stories.Add(file.Story);
                    }

                    foreach (var file in SampleActionReturns.Create(framework, today))
                    {
                        step($"Ingesting {file.ReturnPath} ({file.Story})");
                        using var content = new MemoryStream(file.Bytes);
                        await store.DropAsync(ReturnPath.Parse(file.ReturnPath).Path!, content, null, cancellationToken);
                        ingested.Add(await job.RunAsync(file.ReturnPath, cancellationToken));
                        stories.Add(file.Story);
                    }

                    step("Pulling from the housing system (REST) and the revenues database (SQL)");
                    pulled = await PullAsync(cli, framework, folder, settingsPath, today, cancellationToken);
                }

                step("Sweeping for late returns, failing indicators and data-quality failures");
                swept = await services.Get<SweepJob>().RunAsync(AsOf(today), cancellationToken);
                step("Writing this quarter's return templates, one per service");
                templates = await TemplateCommand.WriteAllAsync(new TemplateQuery(warehouse), Period.Containing(today, Frequency.Quarterly), Path.Combine(folder.FullName, "templates"), cancellationToken);
                step("Writing the Power BI project");
                powerBi = await PowerBiProjectWriter.WriteAsync(warehouse, services.WarehouseOptions.ConnectionString, Path.Combine(folder.FullName, "powerbi"), cancellationToken);
                var quarter = ReportPeriods.For(PerformanceReportKind.Quarterly, Period.Containing(today, Frequency.Quarterly).Previous());
                var ledger = new PublicationLedger(warehouse, cli.Time);
                step($"Taking {quarter.Period.Key} through review (scrutiny) and approval (the executive)");
                var steps = new List<PublicationStep>(await DemoPublication.TakeAsync(ledger, framework, quarter.Period, [PublicationStage.Reviewed, PublicationStage.Approved], cancellationToken));
                step("Writing the quarterly performance report for the latest quarter, for each council and each committee");
                var writer = new PerformanceReportWriter(warehouse, cli.Time);
                var reportFolder = Path.Combine(folder.FullName, "reports");
                reports = [.. await writer.WriteAsync(quarter, null, reportFolder, cancellationToken), .. await writer.WriteCommitteesAsync(quarter, null, null, reportFolder, cancellationToken)];
                step($"Publishing {quarter.Period.Key}: every result, Red ones included");
                steps.AddRange(await DemoPublication.TakeAsync(ledger, framework, quarter.Period, [PublicationStage.Published], cancellationToken));
                published = steps;
                var year = ReportPeriods.For(PerformanceReportKind.Annual, Period.Annual(FinancialYear.Containing(today).StartYear));
                step($"Writing the annual review of {year.Period.Key}, for each council");
                annual = await writer.WriteAsync(year, null, Path.Combine(folder.FullName, "annual-review"), cancellationToken);
                step("Writing the latest quarter's published results as open data");
                openData = await new OpenDataExport(warehouse, cli.Time).WriteAsync(quarter.Period, null, Path.Combine(folder.FullName, "open-data"), cancellationToken);
            });

            DemoReport.Write(cli, new DemoRun(folder, today, demo, framework, services!, migration, outcome, returnsAlreadyIn, ingested, stories, pulled, swept, powerBi, templates, reports, published, openData) { AnnualReviews = annual, ArrivedLate = arrivedLate }, json);
            return outcome;
        }
        finally
        {
            if (services is not null)
            {
                await services.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Pulls from the demo's own service systems: the pull job comes from the same registration, over the
    /// same settings plus the systems' secrets, with the sample systems as its sources.
    /// </summary>
    /// <remarks>
    /// The daily timer would have pulled the latest quarter's figures before they were due, so the demo first pulls
    /// on such a morning (the systems as they stood, a clock reading that day), then today: what was pulled is
    /// received when it would have been, not all on the day the demo runs.
    /// </remarks>
    private static async Task<IReadOnlyList<PullOutcome>> PullAsync(CliContext cli, Framework framework, DirectoryInfo folder, string settingsPath, DateOnly today, CancellationToken cancellationToken)
    {
        var outcomes = new List<PullOutcome>();
        var latest = Period.Containing(today, Frequency.Quarterly).Previous();
        var earlier = ReturnDueDate.For(latest, WorkingDayCalendar.DefaultDueWorkingDays, Nation.England).AddDays(-2);
        if (earlier < today)
        {
            outcomes.AddRange(await PullOnAsync(new DemoClock(cli.Time, AsOf(earlier)), framework, folder, settingsPath, earlier, cancellationToken));
        }

        outcomes.AddRange(await PullOnAsync(cli.Time, framework, folder, settingsPath, today, cancellationToken));
        return outcomes;
    }

    private static async Task<IReadOnlyList<PullOutcome>> PullOnAsync(
        TimeProvider clock, Framework framework, DirectoryInfo folder, string settingsPath, DateOnly day, CancellationToken cancellationToken)
    {
        await using var systems = await SampleSources.StartAsync(framework, Path.Combine(folder.FullName, "service-systems"), day, cancellationToken);
        await using var pulling = await CliServices.StartAsync(
            CliSettings.File(settingsPath, systems.Settings), clock, s => s.AddSingleton(systems.Sources), cancellationToken);
        return await pulling.Get<PullSourcesJob>().RunAsync(null, AsOf(day), cancellationToken);
    }

    /// <summary>The demo sweeps and pulls at 07:00 UK time on its day, as the morning timer would.</summary>
    private static DateTimeOffset AsOf(DateOnly today) =>
        new(today.ToDateTime(new TimeOnly(7, 0)), UkClock.Zone.GetUtcOffset(today.ToDateTime(new TimeOnly(7, 0))));
}
