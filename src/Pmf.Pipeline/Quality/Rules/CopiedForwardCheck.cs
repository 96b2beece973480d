using Pmf.Pipeline.Catalogue;

using Pmf.Pipeline.Returns;

namespace Pmf.Pipeline.Quality.Rules;

/// <summary>
/// DQ083 value copied forward: identical to each of the previous
/// <see cref="QualityThresholds.CopiedForwardPeriods"/> periods' values. Zero, and 100 for a
/// percentage, are left alone: "none this quarter" and "all on time" are often truly steady,
/// and flagging them every period would teach senders to ignore the warning.
/// </summary>
internal static class CopiedForwardCheck
{
    public static void Apply(RowDraft draft, ResultSeries series)
    {
        var value = draft.Value!.Value;
        if (value == 0m || (value == 100m && draft.Definition!.Unit == Unit.Percent))
        {
            return;
        }

        // Every one of the previous periods must be there with the same value; checked period by
        // period, so the common case (a different value) costs no list.
        var earlier = draft.Period!;
        for (var i = 0; i < QualityThresholds.CopiedForwardPeriods; i++)
        {
            earlier = earlier.Previous();
            if (series.At(draft.Code!, earlier) is not { } result || result.Value != value)
            {
                return;
            }
        }

        var earlierResults = series.Before(draft.Code!, draft.Period!, QualityThresholds.CopiedForwardPeriods);
        draft.Raise(QualityRules.CopiedForward, ReturnColumns.Value, draft.Row.Value,
            $"{draft.Subject}: {Decimals.Show(value)} is the same as in each of the last {earlierResults.Count} periods ({string.Join(", ", earlierResults.Select(r => r.Where))}). If last period's figure was copied forward, give this period's own; if it really has not changed, say so in Commentary.");
    }
}
