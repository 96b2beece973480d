using System.Globalization;
using System.Runtime.CompilerServices;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Returns;

namespace Pmf.Pipeline.Tests.Quality;

/// <summary>
/// The gate streams: it keeps one small entry per (indicator, period) and never the rows. Memory is
/// measured process-wide, so these tests run alone, never beside other tests' allocations.
/// </summary>
[Collection(nameof(StreamingTests))]
[CollectionDefinition(nameof(StreamingTests), DisableParallelization = true)]
public sealed class StreamingTests
{
    private const int Rows = 200_000;

    [Fact]
    public void Checking_200000_rows_keeps_memory_flat_once_every_indicator_and_period_has_been_seen()
    {
        var gate = Some.Gate();
        var keys = Keys().ToList();
        var (loaded, count, early, late) = (0, 0, 0L, 0L);

        foreach (var checkedRow in gate.Check(Generate(keys, Rows)))
        {
            loaded += checkedRow.Outcome == RowOutcome.Loaded ? 1 : 0;
            count++;
            if (count == Rows / 10)
            {
                early = GC.GetTotalMemory(forceFullCollection: true);
            }
            else if (count == Rows * 9 / 10)
            {
                late = GC.GetTotalMemory(forceFullCollection: true);
            }
        }

        var summary = gate.Complete();
        Assert.Equal(keys.Count, loaded);
        Assert.Equal(keys.Count, gate.RememberedKeys);
        Assert.Equal((Rows, keys.Count, Rows - keys.Count), (summary.RowsChecked, summary.RowsLoaded, summary.RowsRepeated));
        Assert.True(late - early < 1_000_000, $"The gate grew by {late - early:N0} bytes between 10% and 90% of {Rows:N0} rows.");
    }

    [Fact]
    public void Each_distinct_indicator_and_period_costs_the_gate_a_few_hundred_bytes_at_most()
    {
        const int Indicators = 500;
        var context = Some.Context();
        for (var i = 0; i < Indicators; i++)
        {
            context.With(Some.Indicator(string.Create(CultureInfo.InvariantCulture, $"BIG-{i:000}")));
        }

        var gate = context.Gate();
        var quarters = new List<string>();
        for (var period = Period.Quarter(2015, 3); period.CompareTo(Period.Quarter(2025, 2)) <= 0; period = period.Next())
        {
            quarters.Add(period.Key);
        }

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var loaded = gate.Check(DistinctRows(Indicators, quarters)).Count(r => r.Outcome == RowOutcome.Loaded);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(gate);

        var keys = Indicators * quarters.Count;
        Assert.Equal(keys, loaded);
        Assert.Equal(keys, gate.RememberedKeys);
        Assert.True((after - before) / keys < 400, $"The gate kept {(after - before) / keys:N0} bytes per key.");
    }

    [Fact]
    public void The_gate_does_not_hold_on_to_the_rows_it_has_checked()
    {
        var gate = Some.Gate();

        var checkedRow = CheckAndForget(gate);
        gate.Check(Some.Row(period: "2025/26 Q1", row: 3));
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(checkedRow.IsAlive);
        GC.KeepAlive(gate);
    }

    [Fact]
    public void Checking_a_sequence_is_lazy_so_an_endless_reader_is_read_only_as_far_as_it_is_consumed()
    {
        var gate = Some.Gate();

        var firstTen = gate.Check(Generate(Keys().ToList(), int.MaxValue)).Take(10).ToList();

        Assert.Equal(10, firstTen.Count);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference CheckAndForget(QualityGate gate) => new(gate.Check(Some.Row(row: 2)));

    /// <summary>HOU-01 and HOU-02 for every quarter from 2015/16 to 2025/26 Q2: 84 keys.</summary>
    private static IEnumerable<(string Code, string Period)> Keys()
    {
        for (var period = Period.Quarter(2015, 1); period.CompareTo(Period.Quarter(2025, 2)) <= 0; period = period.Next())
        {
            yield return ("HOU-01", period.Key);
            yield return ("HOU-02", period.Key);
        }
    }

    /// <summary>Rows cycling over the keys, each key always with the same value, generated one at a time.</summary>
    private static IEnumerable<ReturnRow> Generate(IReadOnlyList<(string Code, string Period)> keys, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var (code, period) = keys[i % keys.Count];
            var value = (90 + (i % keys.Count % 7)).ToString(CultureInfo.InvariantCulture);
            yield return Some.Row(code, period: period, value: value, row: i + 2);
        }
    }

    /// <summary>One row per indicator and quarter, in period order, values wandering a little so every history rule runs.</summary>
    private static IEnumerable<ReturnRow> DistinctRows(int indicators, IReadOnlyList<string> quarters)
    {
        var row = 2;
        foreach (var quarter in quarters)
        {
            for (var i = 0; i < indicators; i++)
            {
                var code = string.Create(CultureInfo.InvariantCulture, $"BIG-{i:000}");
                var value = (90 + ((row * 7) % 5)).ToString(CultureInfo.InvariantCulture);
                yield return Some.Row(code, period: quarter, value: value, row: row++);
            }
        }
    }
}
