using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Returns;

namespace Pmf.Pipeline.Quality.Rules;

/// <summary>
/// DQ080 outlier against the indicator's own history: over the results of the last
/// <see cref="QualityThresholds.OutlierWindow"/> periods (of the indicator's own frequency, counted
/// back from the row's period), judged once at least <see cref="QualityThresholds.OutlierMinimumHistory"/>
/// are there. What is expected now is the history's robust line (<see cref="HistoryStatistics.Line"/>:
/// its median, or its steady trend carried on), times the shock common to the same measure's other
/// councils in the period (<see cref="MeasurePeers"/>: the median of their values over what their own
/// lines expected). The value is an outlier when its distance from that exceeds
/// <see cref="QualityThresholds.OutlierLimit"/> times the spread about the line (the median absolute
/// deviation, after Iglewicz and Hoaglin), the spread never taken below the scale floor
/// (<see cref="HistoryStatistics.Floor"/>), and at least double or half of it (<see cref="HistoryStatistics.Large"/>), and, where peers moved too, when its own move stands out
/// from theirs (<see cref="CommonShock.StandsOut"/>). So a steady series is not flagged for a small wobble, a
/// series at a ceiling not for leaving it by a point, a rising cost not for rising, and a council not
/// for a year that moved every council alike.
/// </summary>
internal static class OutlierCheck
{
    public static void Apply(RowDraft draft, ResultSeries series, MeasurePeers peers)
    {
        var value = (double)draft.Value!.Value;
        if (!IsOutlier(draft, series, draft.Period!, value, peers, out var expected, out var count))
        {
            return;
        }

        draft.Raise(QualityRules.Outlier, ReturnColumns.Value, draft.Row.Value,
            $"{draft.Subject}: {Decimals.Show(draft.Value.Value)} is far from what its last {count} periods' results lead one to expect (about {Decimals.Show(expected)}). It has been loaded; check it is right, and if it is, say why in Commentary.");
    }

    /// <summary>True when <paramref name="value"/> in <paramref name="period"/> is an outlier against the periods before it; false when they are too few to say.</summary>
    internal static bool IsOutlier(RowDraft draft, ResultSeries series, Period period, double value, MeasurePeers? peers, out double expected, out int count)
    {
        if (!TryExpect(series, draft.Code!, period, out var line, out var spread, out count))
        {
            expected = 0;
            return false;
        }

        var shock = peers is null || peers.Of(draft.Code!).Count < QualityThresholds.CommonShockPeers ? CommonShock.None : Shock(series, draft.Code!, period, peers);
        expected = line * shock.Factor;
        spread = Math.Max(spread * shock.Factor, HistoryStatistics.Floor(draft, expected));
        return spread > 0 && Math.Abs(value - expected) / spread > (double)QualityThresholds.OutlierLimit
            && HistoryStatistics.Large(value, expected)
            && (line <= 0 || shock.StandsOut(value / line));
    }

    /// <summary>What the series of <paramref name="code"/> leads one to expect in <paramref name="period"/>, and its spread about that; false with too little history.</summary>
    private static bool TryExpect(ResultSeries series, string code, Period period, out double expected, out double spread, out int count)
    {
        Span<double> window = stackalloc double[QualityThresholds.OutlierWindow];
        Span<int> back = stackalloc int[QualityThresholds.OutlierWindow];
        count = series.Window(code, period, window, back);
        expected = spread = 0;
        if (count < QualityThresholds.OutlierMinimumHistory)
        {
            return false;
        }

        var line = HistoryStatistics.Line(window[..count], back[..count]);
        expected = line.Now;
        spread = HistoryStatistics.SpreadAbout(window[..count], back[..count], line);
        return true;
    }

    /// <summary>How the peers' values in <paramref name="period"/> compare with what their own histories expected.</summary>
    private static CommonShock Shock(ResultSeries series, string code, Period period, MeasurePeers peers) => peers.Shock(code, peer =>
        series.At(peer, period) is { Value: { } now } && TryExpect(series, peer, period, out var expected, out _, out _) && expected > 0 ? (double)now / expected : null);
}
