using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Scoring;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Warehouse;

/// <summary>
/// A big council's warehouse on SQLite: 2,000 monthly indicators, a 100,000-row submission written the
/// way the gated load writes one, a 10,000-row correction that supersedes, then the gate's context.
/// How long these take is measured in the bench (<c>Pmf.Bench load</c> and <c>sweep</c>), not here.
/// </summary>
public sealed class LoaderScaleTests
{
    private const int Indicators = 2000;

    [Fact]
    public async Task A_hundred_thousand_rows_load_a_correction_supersedes_and_the_gate_context_holds_every_month()
    {
        using var w = await LoaderWarehouse.CreateAsync(LargeFramework.Create(Indicators));
        var codes = Enumerable.Range(0, Indicators).Select(n => $"S{n % 10:00}-{n:0000}").ToArray();

        var big = await w.LoadAsync("big", Rows(codes, months: 50, seed: 0));
        var correction = await w.LoadAsync("correction", Rows(codes, months: 5, seed: 1));
        var context = await new GateContextQuery(w.Warehouse.Database).BuildAsync(null, new DateOnly(2027, 5, 20), CancellationToken.None);
        var serviceContext = await new GateContextQuery(w.Warehouse.Database).BuildAsync("S03", new DateOnly(2027, 5, 20), CancellationToken.None);

        Assert.Equal(100_000, big.RowsLoaded);
        Assert.Equal(10_000, correction.ResultsSuperseded);
        Assert.Equal(Indicators, context.Indicators.Count);
        Assert.Equal(Indicators / 10, serviceContext.History.Count);
        Assert.Equal(Indicators * 50, context.History.Values.Sum(h => h.Count)); // every month, however old: a back-loaded return is judged against its own past
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
