using Pmf.Pipeline.Calendar;

using Pmf.Pipeline.Returns;

namespace Pmf.Pipeline.Quality.Rules;

/// <summary>
/// DQ081 large change from the previous period and DQ082 from the same period last year: more than
/// <see cref="QualityThresholds.LargeChangeRatio"/> of the comparator, and more than the indicator's
/// tolerance band (measured at the target, or at the comparator when there is no target), so a
/// swing inside the amber band is never flagged. A comparator of 0 has no relative change and is
/// not compared. An annual indicator's previous period is its same period last year, so it is
/// compared once.
/// </summary>
internal static class ChangeCheck
{
    public static void Apply(RowDraft draft, ResultSeries series)
    {
        var period = draft.Period!;
        Compare(draft, series.At(draft.Code!, period.Previous()), QualityRules.LargeChangeFromPrevious, "the previous period");
        if (period.Frequency != Frequency.Annual)
        {
            Compare(draft, series.At(draft.Code!, period.SameLastYear()), QualityRules.LargeChangeFromLastYear, "the same period last year");
        }
    }

    private static void Compare(RowDraft draft, PastResult? comparator, QualityRule rule, string label)
    {
        if (comparator is not { Value: { } then } earlier || then == 0m)
        {
            return;
        }

        var value = draft.Value!.Value;
        var change = value - then;
        var band = draft.Definition!.Tolerance.WidthFor(draft.Target?.Value ?? then);
        var ratio = Math.Abs(change) / Math.Abs(then);
        if (ratio <= QualityThresholds.LargeChangeRatio || Math.Abs(change) <= band)
        {
            return;
        }

        var direction = change > 0m ? "higher" : "lower";
        draft.Raise(rule, ReturnColumns.Value, draft.Row.Value,
            $"{draft.Subject}: {Decimals.Show(value)} is {Decimals.Percent(ratio)} {direction} than {label} ({earlier.Where}: {Decimals.Show(then)}). It has been loaded; check it is right, and if it is, say why in Commentary.");
    }
}
