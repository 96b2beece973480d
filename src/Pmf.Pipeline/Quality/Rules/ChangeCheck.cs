using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Returns;

namespace Pmf.Pipeline.Quality.Rules;

/// <summary>
/// DQ081 large change from the previous period and DQ082 from the same period last year. A change is
/// warned about only when it is all of:
/// <list type="bullet">
/// <item>large: doubled or halved (<see cref="HistoryStatistics.Large"/>; a change of sign by more than
/// <see cref="QualityThresholds.LargeChangeRatio"/>; a comparator of 0 has no relative change and is not compared);</item>
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
/// A shock common to the same measure's other councils (<see cref="MeasurePeers.Step"/>) is taken
/// out first: the change is measured from the comparator moved as they moved, and is not warned
/// about unless it also stands out from theirs (<see cref="CommonShock.StandsOut"/>).
/// An annual indicator's previous period is its same period last year, so it is compared once.
/// </summary>
internal static class ChangeCheck
{
    public static void Apply(RowDraft draft, ResultSeries series, MeasurePeers peers)
    {
        var period = draft.Period!;
        Compare(draft, series, peers, period.Previous(), static p => p.Previous(), QualityRules.LargeChangeFromPrevious, "the previous period");
        if (period.Frequency != Frequency.Annual)
        {
            Compare(draft, series, peers, period.SameLastYear(), static p => p.SameLastYear(), QualityRules.LargeChangeFromLastYear, "the same period last year");
        }
    }

    private static void Compare(RowDraft draft, ResultSeries series, MeasurePeers peers, Period comparatorPeriod, Func<Period, Period> step, QualityRule rule, string label)
    {
        if (series.At(draft.Code!, comparatorPeriod) is not { Value: { } thenValue } earlier || thenValue == 0m)
        {
            return;
        }

        var value = (double)draft.Value!.Value;
        var then = (double)thenValue;
        var change = value - then;
        var ratio = Math.Abs(change) / Math.Abs(then);

        // Judged net of a shock common to the same measure's other councils: 40% down when they all fell 40% is no change.
        var shock = peers.Step(draft.Code!, series, comparatorPeriod, draft.Period!);
        var expected = then * shock.Factor;
        if (!HistoryStatistics.Large(value, then) || !HistoryStatistics.Large(value, expected)
            || (then > 0 && !shock.StandsOut(value / then))
            || !Unusual(draft, series, step, value - expected, then)
            || HistoryStatistics.WithinChance(draft.Definition!.Unit, (earlier.Numerator, earlier.Denominator), (draft.Numerator, draft.Denominator))
            || KnockOn(draft, series, peers, earlier, value))
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
    private static bool KnockOn(RowDraft draft, ResultSeries series, MeasurePeers peers, PastResult earlier, double value)
    {
        if (earlier.Explained || !OutlierCheck.IsOutlier(draft, series, earlier.Period, (double)earlier.Value!.Value, peers, out _, out _))
        {
            return false;
        }

        return !OutlierCheck.IsOutlier(draft, series, earlier.Period, value, peers, out _, out _);
    }
}
