using System.Diagnostics;
using System.Globalization;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Scoring;
using Pmf.Pipeline.Warehouse;
using Xunit.Abstractions;

namespace Pmf.Pipeline.Tests.Warehouse;

/// <summary>
/// A big council's warehouse on SQLite: 2,000 monthly indicators, a 100,000-row submission streamed
/// in, a 10,000-row correction, then the gate's context. Timings go to the test output.
/// </summary>
public sealed class LoaderScaleTests(ITestOutputHelper output)
{
    private const int Indicators = 2000;

    [Fact]
    public async Task A_hundred_thousand_rows_stream_in_and_the_gate_context_for_two_thousand_indicators_builds_quickly()
    {
        using var w = await LoaderWarehouse.CreateAsync(LargeFramework.Create(Indicators));
        var codes = Enumerable.Range(0, Indicators).Select(n => $"S{n % 10:00}-{n:0000}").ToArray();

        var clock = Stopwatch.StartNew();
        SubmissionLoadSummary big;
        TimeSpan insertTime;
        await using (var load = await w.Loader.BeginAsync(LoaderWarehouse.Incoming("big"), CancellationToken.None))
        {
            await load.AddResultsAsync(Rows(codes, months: 50, seed: 0), CancellationToken.None);
            insertTime = clock.Elapsed;
            big = await load.CompleteAsync(new SubmissionOutcome(SubmissionVerdict.Accepted, 100_000), CancellationToken.None);
        }

        var loadTime = clock.Elapsed;
        clock.Restart();
        var correction = await w.LoadAsync("correction", Rows(codes, months: 5, seed: 1));
        var correctionTime = clock.Elapsed;
        clock.Restart();
        var context = await new GateContextQuery(w.Warehouse.Database).BuildAsync(null, new DateOnly(2027, 5, 20), CancellationToken.None);
        var contextTime = clock.Elapsed;
        clock.Restart();
        var serviceContext = await new GateContextQuery(w.Warehouse.Database).BuildAsync("S03", new DateOnly(2027, 5, 20), CancellationToken.None);
        var serviceContextTime = clock.Elapsed;

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load {big.RowsLoaded:N0} rows in {loadTime.TotalSeconds:0.00}s = {big.RowsLoaded / loadTime.TotalSeconds:N0} rows/s overall; inserts alone {big.RowsLoaded / insertTime.TotalSeconds:N0} rows/s, supersession + direction + commit {(loadTime - insertTime).TotalSeconds:0.00}s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"correction {correction.RowsLoaded:N0} rows superseding {correction.ResultsSuperseded:N0} in {correctionTime.TotalSeconds:0.00}s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"gate context, all: {context.Indicators.Count:N0} indicators, {context.Targets.Count:N0} targets, {context.History.Values.Sum(h => h.Count):N0} history rows in {contextTime.TotalMilliseconds:0} ms; one service: {serviceContextTime.TotalMilliseconds:0} ms"));

        Assert.Equal(100_000, big.RowsLoaded);
        Assert.Equal(10_000, correction.ResultsSuperseded);
        Assert.Equal(Indicators, context.Indicators.Count);
        Assert.Equal(Indicators / 10, serviceContext.History.Count);
        Assert.Equal(Indicators * 50, context.History.Values.Sum(h => h.Count)); // every month, however old: a back-loaded return is judged against its own past
        Assert.True(contextTime < TimeSpan.FromSeconds(10), $"gate context took {contextTime}");
    }

    /// <summary>Streamed, never held: each indicator's months from April 2023.</summary>
    private static IEnumerable<AcceptedResult> Rows(string[] codes, int months, int seed)
    {
        var row = 2;
        foreach (var code in codes)
        {
            for (var m = 0; m < months; m++)
            {
                var period = Period.Month(2023 + (m / 12), 1 + (m % 12));
                yield return new AcceptedResult
                {
                    IndicatorCode = code,
                    Period = period,
                    Value = 70m + ((row + seed) % 30),
                    Rag = RagStatus.Green,
                    Target = 80m,
                    Tolerance = Tolerance.Absolute(5m),
                    Commentary = "On track",
                    Sheet = "Return",
                    Row = row++,
                };
            }
        }
    }
}
