using Pmf.Pipeline.Returns;

namespace Pmf.Pipeline.Quality.Rules;

/// <summary>
/// DQ080 outlier against the indicator's own history: the modified z-score of Iglewicz and Hoaglin,
/// |x − median| ÷ (<see cref="QualityThresholds.MadScale"/> × MAD), over the results of the last
/// <see cref="QualityThresholds.OutlierWindow"/> periods, judged once at least
/// <see cref="QualityThresholds.OutlierMinimumHistory"/> are there; above
/// <see cref="QualityThresholds.OutlierLimit"/> is an outlier. The median and MAD are not dragged by
/// the very outliers they look for, as a mean and standard deviation would be. When MAD is 0 (more
/// than half the history identical) the mean absolute deviation stands in; when that is 0 too, the
/// history is flat and any different value is an outlier.
/// </summary>
internal static class OutlierCheck
{
    public static void Apply(RowDraft draft, ResultSeries series)
    {
        var value = draft.Value!.Value;
        Span<decimal> window = stackalloc decimal[QualityThresholds.OutlierWindow];
        var history = window[..series.ValuesBefore(draft.Code!, draft.Period!, window)];
        if (history.Length < QualityThresholds.OutlierMinimumHistory || !IsOutlier(value, history, out var median))
        {
            return;
        }

        var flat = history.IndexOfAnyExcept(median) < 0 ? $", all {Decimals.Show(median)}" : string.Empty;
        draft.Raise(QualityRules.Outlier, ReturnColumns.Value, draft.Row.Value,
            $"{draft.Subject}: {Decimals.Show(value)} is far from its recent results (median {Decimals.Show(median)} over the last {history.Length} periods{flat}). It has been loaded; check it is right, and if it is, say why in Commentary.");
    }

    /// <summary>True when <paramref name="value"/>'s robust z-score against <paramref name="history"/> exceeds the limit.</summary>
    /// <remarks>Spans on the stack, not lists: this runs on every loaded row with enough history.</remarks>
    internal static bool IsOutlier(decimal value, ReadOnlySpan<decimal> history, out decimal median)
    {
        median = Median(history);
        var centre = median;
        var distance = Math.Abs(value - centre);
        if (distance == 0m)
        {
            return false;
        }

        Span<decimal> deviations = stackalloc decimal[history.Length];
        var total = 0m;
        for (var i = 0; i < history.Length; i++)
        {
            deviations[i] = Math.Abs(history[i] - centre);
            total += deviations[i];
        }

        var mad = Median(deviations);
        if (mad > 0m)
        {
            return distance / (QualityThresholds.MadScale * mad) > QualityThresholds.OutlierLimit;
        }

        var meanDeviation = total / history.Length;
        return meanDeviation == 0m || distance / (QualityThresholds.MeanDeviationScale * meanDeviation) > QualityThresholds.OutlierLimit;
    }

    /// <summary>The median of a short window of values.</summary>
    internal static decimal Median(ReadOnlySpan<decimal> values)
    {
        Span<decimal> sorted = stackalloc decimal[values.Length];
        values.CopyTo(sorted);
        sorted.Sort();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2m;
    }
}
