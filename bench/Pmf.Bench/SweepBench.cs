using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Pmf.Pipeline.Alerts;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.Scoring;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Bench;

/// <summary>
/// The sweep over a large warehouse: 2,000 monthly indicators in ten services with ten years of
/// results (240,000 current rows), one in ten missing its latest month, one in seven Red and
/// worsening for its last three. Times the first sweep (raise and mail digests to an outbox) and a
/// second one as of the same instant (nothing to do).
/// </summary>
internal static class SweepBench
{
    private const int Indicators = 2000;
    private const int Services = 10;
    private const int Months = 120;

    public static async Task<long> RunAsync(string work)
    {
        var folder = Path.Combine(work, "sweep-" + Guid.NewGuid().ToString("N"));
        var warehouse = new WarehouseDatabase(new WarehouseOptions { ConnectionString = $"Data Source={Path.Combine(folder, "warehouse.db")}" });
        await warehouse.MigrateAsync(CancellationToken.None);
        var seed = Stopwatch.StartNew();
        var framework = Framework();
        await using (var connection = await warehouse.OpenAsync(CancellationToken.None))
        {
            await CatalogueLoader.LoadAsync(connection, framework, "bench.xlsx", FrameworkFingerprint.Of(framework), BenchScenario.Now, new DateOnly(2016, 4, 1), CancellationToken.None);
            await SeedResultsAsync(connection);
        }

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {Indicators} indicators x {Months} months in {seed.Elapsed.TotalSeconds:F1} s"));
        await TimeGateContextAsync(warehouse);
        var clock = new FakeTimeProvider(BenchScenario.Now);
        var job = new SweepJob(warehouse, new OutboxMailTransport(Path.Combine(folder, "outbox")), clock, NullLogger<SweepJob>.Instance);
        var first = Stopwatch.StartNew();
        var outcome = await job.RunAsync(null, CancellationToken.None);
        first.Stop();
        var second = Stopwatch.StartNew();
        var again = await job.RunAsync(null, CancellationToken.None);
        second.Stop();
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"first sweep {first.Elapsed.TotalSeconds:F2} s ({outcome.Changes.Raised} raised, {outcome.Digests.Count} digests); second sweep {second.Elapsed.TotalSeconds:F2} s ({again.Changes.Raised} raised, {again.Digests.Count} digests)"));
        return outcome.Changes.Raised;
    }

    /// <summary>
    /// The gate's context over the same warehouse (every indicator, target and month of history, as a
    /// pull's gate reads it; then one service's, as a return's does). Target: under 10 s for all.
    /// </summary>
    private static async Task TimeGateContextAsync(WarehouseDatabase warehouse)
    {
        var asOf = UkClock.DateAt(BenchScenario.Now);
        var all = Stopwatch.StartNew();
        var context = await new GateContextQuery(warehouse).BuildAsync(null, asOf, CancellationToken.None);
        all.Stop();
        var one = Stopwatch.StartNew();
        var service = await new GateContextQuery(warehouse).BuildAsync("S03", asOf, CancellationToken.None);
        one.Stop();
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"gate context: all {context.Indicators.Count} indicators, {context.History.Values.Sum(h => h.Count)} history rows in {all.Elapsed.TotalSeconds:F2} s; one service ({service.History.Count} indicators) in {one.Elapsed.TotalSeconds:F2} s"));
    }

    private static Framework Framework()
    {
        var services = Enumerable.Range(1, Services)
            .Select(s => new Service($"S{s:00}", $"Service {s}", $"Head {s}", $"head{s}@example.gov.uk", $"Director {s}", $"director{s}@example.gov.uk"))
            .ToList();
        var indicators = Enumerable.Range(1, Indicators)
            .Select(n => BenchSeed.Measure($"BEN-{n:00000}", $"Benchmark measure {n}", "BEN", services[n % Services].Code, Polarity.HigherIsBetter, Frequency.Monthly))
            .ToList();
        var targets = indicators.SelectMany(i => Enumerable.Range(2016, 11).Select(y => new Target(i.Code, Period.Annual(y), 100m, null))).ToList();
        return new Framework(
            [new Council("BEN", "Benchmark Borough Council")],
            [new Priority("BEN", "P1", "Benchmarks", null, null)],
            services,
            indicators,
            targets);
    }

    private static async Task SeedResultsAsync(DbConnection connection)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        var indicators = await BenchSeed.IndicatorsAsync(connection, transaction);
        await using (var seed = await BenchSeed.BeginAsync(connection, transaction, "bench", "S01", "2026-11-01"))
        {
            var last = Period.Containing(DateOnly.FromDateTime(BenchScenario.Now.UtcDateTime), Frequency.Monthly).Previous();
            var months = Enumerable.Range(0, Months).Select(back => Enumerable.Range(0, back).Aggregate(last, (p, _) => p.Previous())).Reverse().ToList();
            for (var n = 0; n < indicators.Count; n++)
            {
                var failing = n % 7 == 0;
                var late = n % 10 == 0;
                for (var m = 0; m < months.Count - (late ? 1 : 0); m++)
                {
                    var tail = months.Count - m;
                    var value = failing && tail <= 3 ? 80m - (3 - tail) * 5 : 100m + (m % 5);
                    await seed.AddAsync(indicators[n], months[m], value, value >= 100m ? "Green" : value >= 95m ? "Amber" : "Red", failing && tail <= 2 ? "Worsening" : "Steady", null);
                }
            }
        }

        await transaction.CommitAsync();
    }
}
