using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.Scoring;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Bench;

/// <summary>
/// A typical return from drop to report written: 50 rows (20 monthly indicators: the new month, last
/// month's figures revised, and ten of last year's) from a service of a council with 400 indicators and
/// ten years of results in the warehouse. 50 drops, each a later month: warm, in one process with one
/// job as <c>pmf serve</c> runs it (after one drop to warm up); and cold, one <c>pmf ingest</c> process
/// a drop, into a copy of the same warehouse. Prints p50 and p95 of each.
/// </summary>
internal static class TypicalReturnBench
{
    private const int Services = 20;
    private const int IndicatorsEach = 20;
    private const int HistoryMonths = 120;
    private const int Drops = 50;
    private const string Sender = "S01";

    public static async Task RunAsync(string work, string? pmf, int coldDrops = Drops)
    {
        var folder = Path.Combine(work, "typical-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var seeded = Path.Combine(folder, "seeded.db");
        var framework = Framework();
        // Ten years of history from April 2012, then a month a drop: all ended before the bench's clock (and the real one, for cold runs).
        var months = new List<Period> { Period.Month(2012, 1) };
        while (months.Count < HistoryMonths + Drops + 1)
        {
            months.Add(months[^1].Next());
        }

        var history = months[..HistoryMonths];
        var drops = months[HistoryMonths..];
        var seed = Stopwatch.StartNew();
        await SeedAsync(seeded, framework, history);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {framework.Indicators.Count} indicators x {HistoryMonths} months in {seed.Elapsed.TotalSeconds:F1} s"));

        var files = drops.Select((month, i) => Write(folder, framework, month, i)).ToList();
        var (warm, warmCpu) = await WarmAsync(Copy(seeded, Path.Combine(folder, "warm.db")), folder, files);
        Report("warm (one process, one job, like pmf serve)", warm);
        Report("warm, process CPU a drop", warmCpu);
        if (pmf is not null)
        {
            // Every drop is cold; the first is left out so that both sets load the same 50 returns.
            Report("cold (a pmf ingest process a drop)", Cold(Copy(seeded, Path.Combine(folder, "cold.db")), folder, files[..(coldDrops + 1)], pmf)[1..]);
        }
    }

    private static void Report(string what, List<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToList();
        double At(double q) => sorted[(int)Math.Ceiling(q * sorted.Count) - 1];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"typical {what,-46} drops={sorted.Count} p50ms={At(0.5),7:F0} p95ms={At(0.95),7:F0} maxms={sorted[^1],7:F0}"));
    }

    private static async Task<(List<double> Wall, List<double> Cpu)> WarmAsync(string database, string folder, List<string> files)
    {
        var warehouse = new WarehouseDatabase(new WarehouseOptions { ConnectionString = $"Data Source={database}" });
        var clock = new FakeTimeProvider(BenchScenario.Now);
        var store = new LocalFolderReturnStore(Path.Combine(folder, "warm-storage"), clock);
        var job = new IngestReturnJob(warehouse, store, clock, NullLogger<IngestReturnJob>.Instance);
        var times = new List<double>();
        var cpu = new List<double>();
        for (var i = 0; i < files.Count; i++)
        {
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var path = ReturnPath.Parse($"{Sender}/{Path.GetFileName(files[i])}").Path!;
            await using (var file = File.OpenRead(files[i]))
            {
                await store.DropAsync(path, file, null, CancellationToken.None);
            }

            var outcome = await job.RunAsync(path.Name, CancellationToken.None);
            watch.Stop();
            if (outcome.Load is not { RowsLoaded: 50 } || outcome.Reports.Count != 3)
            {
                throw new InvalidOperationException($"The typical return should load whole with its reports: {outcome.Verdict} {outcome.Reason}");
            }

            clock.Advance(TimeSpan.FromMinutes(1));
            if (i > 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds); // the first drop warms the process up, as serve's first does
                cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
            }
        }

        return (times, cpu);
    }

    private static List<double> Cold(string database, string folder, List<string> files, string pmf)
    {
        var times = new List<double>();
        foreach (var file in files)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { pmf, "ingest", file, "--service", Sender })
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["Pmf__Storage__Kind"] = "local";
            start.Environment["Pmf__Storage__LocalRoot"] = Path.Combine(folder, "cold-storage");
            start.Environment["Pmf__Warehouse__Provider"] = "sqlite";
            start.Environment["Pmf__Warehouse__ConnectionString"] = $"Data Source={database}";
            var watch = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            watch.Stop();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"pmf ingest {file} ended with {process.ExitCode}: {output.Result} {error}");
            }

            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    private static string Copy(string from, string to)
    {
        File.Copy(from, to);
        return to;
    }

    /// <summary>The new month for every indicator, last month revised, and ten indicators' month a year ago revised.</summary>
    private static string Write(string folder, Framework framework, Period month, int drop)
    {
        var own = framework.Indicators.Where(i => i.ServiceCode == Sender).ToList();
        var rows = own.Select((i, n) => (i.Code, month.Key, 100m + ((n + drop) % 5)))
            .Concat(own.Select((i, n) => (i.Code, month.Previous().Key, 101m + ((n + drop) % 4))))
            .Concat(own.Take(10).Select((i, n) => (i.Code, month.SameLastYear().Key, 99m + ((n + drop) % 3))))
            .ToList();
        var path = Path.Combine(folder, "drops", $"return {month.Key.Replace('/', '-')}.xlsx");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        LargeReturnGenerator.WriteXlsx(path, rows, rows.Count);
        return path;
    }

    private static async Task SeedAsync(string database, Framework framework, List<Period> months)
    {
        var warehouse = new WarehouseDatabase(new WarehouseOptions { ConnectionString = $"Data Source={database}" });
        await warehouse.MigrateAsync(CancellationToken.None);
        await using var connection = await warehouse.OpenAsync(CancellationToken.None);
        await CatalogueLoader.LoadAsync(connection, framework, "typical.xlsx", FrameworkFingerprint.Of(framework), BenchScenario.Now, months[0].Start, CancellationToken.None);
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await PeriodDimension.EnsureAsync(connection, transaction, months[0].Year, FinancialYear.Containing(DateOnly.FromDateTime(BenchScenario.Now.UtcDateTime)).NextYear(), CancellationToken.None);
            await transaction.CommitAsync();
        }

        await SeedResultsAsync(connection, months);
    }

    private static Framework Framework()
    {
        var services = Enumerable.Range(1, Services)
            .Select(s => new Service($"S{s:00}", $"Service {s}", $"Head {s}", $"head{s}@typical.gov.uk", "Director", "director@typical.gov.uk"))
            .ToList();
        var indicators = Enumerable.Range(1, Services * IndicatorsEach).Select(n => BenchSeed.Measure(
            $"TYP-{n:000}", $"Typical measure {n}", "TYP", services[(n - 1) / IndicatorsEach].Code, n % 3 == 0 ? Polarity.LowerIsBetter : Polarity.HigherIsBetter, Frequency.Monthly))
            .ToList();
        var targets = indicators.SelectMany(i => Enumerable.Range(2012, 15).Select(y => new Target(i.Code, Period.Annual(y), 100m, null))).ToList();
        return new Framework(
            [new Council("TYP", "Typical Borough Council")],
            [new Priority("TYP", "P1", "Outcomes", null, null)],
            services,
            indicators,
            targets);
    }

    private static async Task SeedResultsAsync(DbConnection connection, List<Period> months)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        var indicators = await BenchSeed.IndicatorsAsync(connection, transaction);
        await using (var seed = await BenchSeed.BeginAsync(connection, transaction, "typical", "S01", "2022-06-01"))
        {
            foreach (var indicator in indicators)
            {
                for (var m = 0; m < months.Count; m++)
                {
                    await seed.AddAsync(indicator, months[m], 100m + (m % 5), "Green", null, null);
                }
            }
        }

        await transaction.CommitAsync();
    }
}
