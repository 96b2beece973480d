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
        var history = series.Before(draft.Code!, draft.Period!, QualityThresholds.OutlierWindow)
            .Where(r => r.Value is not null)
            .Select(r => r.Value!.Value)
            .ToList();
        if (history.Count < QualityThresholds.OutlierMinimumHistory || !IsOutlier(value, history, out var median))
        {
            return;
        }

        var flat = history.All(h => h == median) ? $", all {Decimals.Show(median)}" : string.Empty;
        draft.Raise(QualityRules.Outlier, ReturnColumns.Value, draft.Row.Value,
            $"{draft.Subject}: {Decimals.Show(value)} is far from its recent results (median {Decimals.Show(median)} over the last {history.Count} periods{flat}). It has been loaded; check it is right, and if it is, say why in Commentary.");
    }

    /// <summary>True when <paramref name="value"/>'s robust z-score against <paramref name="history"/> exceeds the limit.</summary>
    internal static bool IsOutlier(decimal value, IReadOnlyList<decimal> history, out decimal median)
    {
        median = Median(history);
        var centre = median;
        var distance = Math.Abs(value - centre);
        if (distance == 0m)
        {
            return false;
        }

        var mad = Median([.. history.Select(h => Math.Abs(h - centre))]);
        if (mad > 0m)
        {
            return distance / (QualityThresholds.MadScale * mad) > QualityThresholds.OutlierLimit;
        }

        var meanDeviation = history.Average(h => Math.Abs(h - centre));
        return meanDeviation == 0m || distance / (QualityThresholds.MeanDeviationScale * meanDeviation) > QualityThresholds.OutlierLimit;
    }

    internal static decimal Median(IReadOnlyList<decimal> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2m;
    }
}
