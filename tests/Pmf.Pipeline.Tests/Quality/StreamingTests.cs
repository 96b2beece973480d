using System.Globalization;
using System.Runtime.CompilerServices;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Returns;

namespace Pmf.Pipeline.Tests.Quality;

public sealed class StreamingTests
{
    private const int Rows = 200_000;

    [Fact]
    public void Checking_200000_rows_keeps_memory_bounded_by_the_distinct_indicator_periods()
    {
        var gate = Some.Gate();
        var keys = Keys().ToList();
        var loaded = 0;
        var before = GC.GetTotalMemory(forceFullCollection: true);

        foreach (var checkedRow in gate.Check(Generate(keys, Rows)))
        {
            loaded += checkedRow.Outcome == RowOutcome.Loaded ? 1 : 0;
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        var summary = gate.Complete();
        GC.KeepAlive(gate);

        Assert.Equal(keys.Count, loaded);
        Assert.Equal(keys.Count, gate.RememberedKeys);
        Assert.Equal((Rows, keys.Count, Rows - keys.Count), (summary.RowsChecked, summary.RowsLoaded, summary.RowsRepeated));
        Assert.True(after - before < 4_000_000, $"The gate grew by {after - before:N0} bytes over {Rows:N0} rows.");
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
}
