using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Returns;

namespace Pmf.Pipeline.Quality.Rules;

/// <summary>
/// DQ081 large change from the previous period and DQ082 from the same period last year. A change is
/// warned about only when it is all of:
/// <list type="bullet">
/// <item>large: more than <see cref="QualityThresholds.LargeChangeRatio"/> of the comparator (a
/// comparator of 0 has no relative change and is not compared);</item>
/// <item>unusual for the indicator: its distance from the indicator's usual change of the same step
/// (the median of its last <see cref="QualityThresholds.ChangeWindow"/>) is more than
/// <see cref="QualityThresholds.ChangeLimit"/> times the spread of those changes, the spread never
/// below the scale floor (<see cref="HistoryStatistics.Floor"/>: the tolerance band, a tenth of the
/// comparator, a unit for counts and percentages);</item>
/// <item>beyond chance for its base: where both periods give whole-number numerators and
/// denominators, a binomial (percentages) or Poisson (other rates) test says the step is not chance
/// (<see cref="HistoryStatistics.WithinChance"/>): 6 of 40 after 16 of 41 is not warned;</item>
/// <item>not a knock-on: when the comparator itself was an outlier against its own history and came
/// without commentary (an open anomaly), the value must also be an outlier against that history, so
/// a correct value after a wrong one is not warned, and a real shift confirmed the next period is
/// not warned twice.</item>
/// </list>
/// An annual indicator's previous period is its same period last year, so it is compared once.
/// </summary>
internal static class ChangeCheck
{
    public static void Apply(RowDraft draft, ResultSeries series)
    {
        var period = draft.Period!;
        Compare(draft, series, period.Previous(), static p => p.Previous(), QualityRules.LargeChangeFromPrevious, "the previous period");
        if (period.Frequency != Frequency.Annual)
        {
            Compare(draft, series, period.SameLastYear(), static p => p.SameLastYear(), QualityRules.LargeChangeFromLastYear, "the same period last year");
        }
    }

    private static void Compare(RowDraft draft, ResultSeries series, Period comparatorPeriod, Func<Period, Period> step, QualityRule rule, string label)
    {
        if (series.At(draft.Code!, comparatorPeriod) is not { Value: { } thenValue } earlier || thenValue == 0m)
        {
            return;
        }

        var value = (double)draft.Value!.Value;
        var then = (double)thenValue;
        var change = value - then;
        var ratio = Math.Abs(change) / Math.Abs(then);
        if (ratio <= (double)QualityThresholds.LargeChangeRatio
            || !Unusual(draft, series, step, change, then)
            || HistoryStatistics.WithinChance(draft.Definition!.Unit, (earlier.Numerator, earlier.Denominator), (draft.Numerator, draft.Denominator))
            || KnockOn(draft, series, earlier, value))
        {
            return;
        }

        var direction = change > 0 ? "higher" : "lower";
        draft.Raise(rule, ReturnColumns.Value, draft.Row.Value,
            $"{draft.Subject}: {Decimals.Show(draft.Value.Value)} is {Decimals.Percent(ratio)} {direction} than {label} ({earlier.Where}: {Decimals.Show(thenValue)}). It has been loaded; check it is right, and if it is, say why in Commentary.");
    }

    /// <summary>The change against the indicator's own past changes of the same step, with the spread floored.</summary>
    private static bool Unusual(RowDraft draft, ResultSeries series, Func<Period, Period> step, double change, double then)
    {
        Span<double> changes = stackalloc double[QualityThresholds.ChangeWindow];
        var count = 0;
        var later = draft.Period!;
        for (var i = 0; i < QualityThresholds.ChangeWindow; i++)
        {
            later = later.Previous();
            var before = step(later);
            if (series.At(draft.Code!, later) is { Value: { } a } && series.At(draft.Code!, before) is { Value: { } b })
            {
                changes[count++] = (double)a - (double)b;
            }
        }

        var usual = 0.0;
        var spread = 0.0;
        if (count >= QualityThresholds.ChangeMinimumHistory)
        {
            usual = HistoryStatistics.Median(changes[..count]);
            spread = HistoryStatistics.Spread(changes[..count], usual);
        }

        spread = Math.Max(spread, HistoryStatistics.Floor(draft, then));
        return spread > 0 && Math.Abs(change - usual) / spread > (double)QualityThresholds.ChangeLimit;
    }

    /// <summary>
    /// True when the comparator is under an open anomaly (an outlier against its own history, without
    /// commentary) and the value is not an outlier against that same history: the value returns to
    /// where the series was, and the warning belongs to the comparator, already given.
    /// </summary>
    private static bool KnockOn(RowDraft draft, ResultSeries series, PastResult earlier, double value)
    {
        if (earlier.Explained || !OutlierCheck.IsOutlier(draft, series, earlier.Period, (double)earlier.Value!.Value, out _, out _))
        {
            return false;
        }

        return !OutlierCheck.IsOutlier(draft, series, earlier.Period, value, out _, out _);
    }
}
