using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Returns;

namespace Pmf.Pipeline.Quality.Rules;

/// <summary>
/// DQ080 outlier against the indicator's own history: over the results of the last
/// <see cref="QualityThresholds.OutlierWindow"/> periods (of the indicator's own frequency, counted
/// back from the row's period), judged once at least <see cref="QualityThresholds.OutlierMinimumHistory"/>
/// are there. What is expected now is the history's robust line (<see cref="HistoryStatistics.Line"/>:
/// its median, or its steady trend carried on); the value is an outlier when its distance from that
/// exceeds <see cref="QualityThresholds.OutlierLimit"/> times the spread about the line (the median
/// absolute deviation, after Iglewicz and Hoaglin), the spread never taken below the scale floor
/// (<see cref="HistoryStatistics.Floor"/>). So a steady series is not flagged for a small wobble, a
/// series at a ceiling not for leaving it by a point, and a rising cost not for rising.
/// </summary>
internal static class OutlierCheck
{
    public static void Apply(RowDraft draft, ResultSeries series)
    {
        var value = (double)draft.Value!.Value;
        if (!IsOutlier(draft, series, draft.Period!, value, out var expected, out var count))
        {
            return;
        }

        draft.Raise(QualityRules.Outlier, ReturnColumns.Value, draft.Row.Value,
            $"{draft.Subject}: {Decimals.Show(draft.Value.Value)} is far from what its last {count} periods' results lead one to expect (about {Decimals.Show(expected)}). It has been loaded; check it is right, and if it is, say why in Commentary.");
    }

    /// <summary>True when <paramref name="value"/> in <paramref name="period"/> is an outlier against the periods before it; false when they are too few to say.</summary>
    internal static bool IsOutlier(RowDraft draft, ResultSeries series, Period period, double value, out double expected, out int count)
    {
        Span<double> window = stackalloc double[QualityThresholds.OutlierWindow];
        Span<int> back = stackalloc int[QualityThresholds.OutlierWindow];
        count = series.Window(draft.Code!, period, window, back);
        expected = 0;
        if (count < QualityThresholds.OutlierMinimumHistory)
        {
            return false;
        }

        var values = window[..count];
        var line = HistoryStatistics.Line(values, back[..count]);
        expected = line.Now;
        var spread = Math.Max(HistoryStatistics.SpreadAbout(values, back[..count], line), HistoryStatistics.Floor(draft, expected));
        return spread > 0 && Math.Abs(value - expected) / spread > (double)QualityThresholds.OutlierLimit;
    }
}
