using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Pmf.Pipeline.Alerts;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.PowerBi;
using Pmf.Pipeline.Publication;
using Pmf.Pipeline.Reports;
using Pmf.Pipeline.Scoring;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Bench;

/// <summary>
/// National scale: 400 councils × 100 quarterly indicators (ten services each) × 10 years, 1.6 million
/// current results, written straight into a SQLite warehouse (untimed), then timed: the follow-up sweep
/// over every council, one council's quarterly committee report, the open-data export of a year for
/// every council, and the Power BI extract of every view. One indicator in ten misses its latest
/// quarter; one in seven is Red and worsening for its last three.
/// </summary>
internal static class NationalBench
{
    private const int IndicatorsEach = 100;
    private const int ServicesEach = 10;
    private const int Years = 10;

    /// <summary>The steps timed, in order; a run may name some of them.</summary>
    public static readonly string[] Steps = ["sweep", "report", "opendata", "powerbi"];

    /// <summary>
    /// Seeds <c>national-&lt;councils&gt;.db</c> in <paramref name="work"/> the first time (minutes: the
    /// catalogue and 1.6 million rows), then times the steps on a fresh copy of it, so that two builds
    /// can be timed on the same warehouse one after the other.
    /// </summary>
    public static async Task RunAsync(string work, int councils, IReadOnlyCollection<string> steps)
    {
        var seeded = Path.Combine(work, $"national-{councils}.db");
        var last = Period.Containing(DateOnly.FromDateTime(BenchScenario.Now.UtcDateTime), Frequency.Quarterly).Previous();
        if (!File.Exists(seeded))
        {
            await SeedAsync(seeded, councils, last);
        }

        var folder = Path.Combine(work, "national-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.Copy(seeded, Path.Combine(folder, "warehouse.db"));
        var warehouse = new WarehouseDatabase(new WarehouseOptions { ConnectionString = $"Data Source={Path.Combine(folder, "warehouse.db")}" });
        await warehouse.MigrateAsync(CancellationToken.None);
        var clock = new FakeTimeProvider(BenchScenario.Now);
        if (steps.Contains("sweep"))
        {
            var sweep = new SweepJob(warehouse, new OutboxMailTransport(Path.Combine(folder, "outbox")), clock, NullLogger<SweepJob>.Instance);
            var outcome = await TimedAsync("sweep, first (raise and mail)", () => sweep.RunAsync(null, CancellationToken.None));
            Console.Error.WriteLine($"  {outcome.Changes.Raised} follow-ups raised, {outcome.Digests.Count} digests");
            await TimedAsync("sweep, second (nothing new)", () => sweep.RunAsync(null, CancellationToken.None));
        }

        if (steps.Contains("report"))
        {
            var writer = new PerformanceReportWriter(warehouse, clock);
            var periods = PerformanceReportWriter.Periods(PerformanceReportKind.Quarterly, last);
            var reports = await TimedAsync("committee report, one council", () => writer.WriteAsync(periods, "C001", Path.Combine(folder, "reports"), CancellationToken.None));
            Console.Error.WriteLine($"  {reports.Count} report, {new FileInfo(reports[0].Path).Length / 1024} kB");
        }

        if (steps.Contains("opendata"))
        {
            // Open data holds published periods only: the seed publishes every council's year.
            var year = PublishedYear(last);
            var export = new OpenDataExport(warehouse, clock);
            var files = await TimedAsync("open data, a year, every council", () => export.WriteAsync(year, null, Path.Combine(folder, "open-data"), CancellationToken.None));
            Console.Error.WriteLine($"  {files.Results:N0} results");
        }

        if (steps.Contains("powerbi"))
        {
            var extracts = await TimedAsync("Power BI extract, every view", async () =>
                await ViewExtracts.WriteAsync(warehouse, await WarehouseViews.ColumnsAsync(warehouse, CancellationToken.None), Path.Combine(folder, "powerbi"), CancellationToken.None));
            Console.Error.WriteLine($"  {string.Join(", ", extracts.Select(e => $"{e.Key} {e.Value:N0}"))}");
        }

        File.Delete(Path.Combine(folder, "warehouse.db"));
    }

    private static async Task SeedAsync(string path, int councils, Period last)
    {
        var partial = path + ".partial";
        File.Delete(partial);
        var warehouse = new WarehouseDatabase(new WarehouseOptions { ConnectionString = $"Data Source={partial}" });
        await warehouse.MigrateAsync(CancellationToken.None);
        var quarters = Enumerable.Range(0, Years * 4).Select(back => Enumerable.Range(0, back).Aggregate(last, (p, _) => p.Previous())).Reverse().ToList();
        var seed = Stopwatch.StartNew();
        var framework = Framework(councils, last.Year);
        await using (var connection = await warehouse.OpenAsync(CancellationToken.None))
        {
            await CatalogueLoader.LoadAsync(connection, framework, "national.xlsx", FrameworkFingerprint.Of(framework), BenchScenario.Now, quarters[0].Start, CancellationToken.None);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"catalogue of {framework.Indicators.Count:N0} indicators loaded in {seed.Elapsed.TotalSeconds:F1} s"));
            var written = await SeedResultsAsync(connection, quarters);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {written:N0} results in {seed.Elapsed.TotalSeconds:F1} s"));
        }

        // Every council's last full year reviewed, approved and published, through the ledger as a council would.
        await PublishAsync(warehouse, new FakeTimeProvider(BenchScenario.Now), councils, PublishedYear(last));

        // Pooled connections keep the file open in WAL mode: closing them checkpoints the last
        // transactions into the file, which is then moved alone (its -wal file would stay behind).
        SqliteConnection.ClearAllPools();
        File.Move(partial, path);
    }

    private static Period PublishedYear(Period last) => Period.Annual(last.Year.StartYear - 1);

    private static async Task PublishAsync(WarehouseDatabase warehouse, TimeProvider clock, int councils, Period year)
    {
        var ledger = new PublicationLedger(warehouse, clock);
        var published = Stopwatch.StartNew();
        foreach (var council in Enumerable.Range(1, councils).Select(c => $"C{c:000}"))
        {
            foreach (var stage in new[] { PublicationStage.Reviewed, PublicationStage.Approved, PublicationStage.Published })
            {
                await ledger.TakeAsync(council, year, stage, "Bench", "Cabinet", null, CancellationToken.None);
            }
        }

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {councils} councils' {year.Key} published in {published.Elapsed.TotalSeconds:F1} s"));
    }

    private static async Task<T> TimedAsync<T>(string what, Func<Task<T>> run)
    {
        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var result = await run();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"national {what,-36} seconds={watch.Elapsed.TotalSeconds,7:F2} cpuSeconds={(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds,7:F2}"));
        return result;
    }

    private static Framework Framework(int councils, FinancialYear latest)
    {
        var councilCodes = Enumerable.Range(1, councils).Select(c => $"C{c:000}").ToList();
        var services = councilCodes.SelectMany(c => Enumerable.Range(1, ServicesEach)
            .Select(s => new Service($"{c}-S{s:00}", $"Service {s}", $"Head {s} of {c}", $"head{s}@{c.ToLowerInvariant()}.gov.uk", $"Director of {c}", $"director@{c.ToLowerInvariant()}.gov.uk")))
            .ToList();
        var indicators = councilCodes.SelectMany(c => Enumerable.Range(1, IndicatorsEach).Select(n => BenchSeed.Measure(
            $"{c}-{n:000}", $"National measure {n}", c, $"{c}-S{(n % ServicesEach) + 1:00}", n % 3 == 0 ? Polarity.LowerIsBetter : Polarity.HigherIsBetter, Frequency.Quarterly)))
            .ToList();
        var targets = indicators.SelectMany(i => new[] { latest.Previous(), latest }.Select(y => new Target(i.Code, Period.Annual(y.StartYear), 100m, null))).ToList();
        return new Framework(
            [.. councilCodes.Select(c => new Council(c, $"Council {c}"))],
            [.. councilCodes.Select(c => new Priority(c, "P1", "National outcomes", null, null))],
            services,
            indicators,
            targets);
    }

    private static async Task<long> SeedResultsAsync(DbConnection connection, List<Period> quarters)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        var indicators = await BenchSeed.IndicatorsAsync(connection, transaction);
        long written = 0;
        await using (var seed = await BenchSeed.BeginAsync(connection, transaction, "national", "C001-S01", "2026-11-01"))
        {
            for (var n = 0; n < indicators.Count; n++)
            {
                var lowerIsBetter = indicators[n].Polarity == "Lower is better";
                var failing = n % 7 == 0;
                var late = n % 10 == 0;
                for (var q = 0; q < quarters.Count - (late ? 1 : 0); q++)
                {
                    var tail = quarters.Count - q;
                    var good = failing && tail <= 3 ? 80m - ((3 - tail) * 5) : 100m + (q % 5);
                    await seed.AddAsync(
                        indicators[n],
                        quarters[q],
                        lowerIsBetter ? 200m - good : good,
                        good >= 100m ? "Green" : good >= 95m ? "Amber" : "Red",
                        q == 0 ? null : failing && tail <= 2 ? "Worsening" : (q % 5) == 0 ? "Worsening" : "Improving",
                        q < 4 ? null : "Steady");
                    written++;
                }
            }
        }

        await transaction.CommitAsync();
        return written;
    }
}
