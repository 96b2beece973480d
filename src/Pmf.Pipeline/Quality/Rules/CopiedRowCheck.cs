using Pmf.Pipeline.Returns;

namespace Pmf.Pipeline.Quality.Rules;

/// <summary>
/// DQ084 the previous period's whole row given again: Value, Numerator and Denominator all identical
/// to the previous period's. One period is enough: a value may well stay put, but a numerator and a
/// denominator both unchanged as well is what copying last period's row looks like (and no history
/// rule would notice it, as nothing moved). Not raised where DQ083 already says the value was copied
/// forward, nor for a zero numerator or a numerator equal to its denominator (none, or all: often truly steady).
/// </summary>
internal static class CopiedRowCheck
{
    public static void Apply(RowDraft draft, ResultSeries series)
    {
        if (draft is not { Numerator: { } numerator, Denominator: { } denominator, Value: { } value }
            || numerator == 0m || numerator == denominator
            || draft.Issues.Any(i => i.RuleId == QualityRules.CopiedForward.Id)
            || series.At(draft.Code!, draft.Period!.Previous()) is not { } previous
            || previous.Value != value || previous.Numerator != numerator || previous.Denominator != denominator)
        {
            return;
        }

        draft.Raise(QualityRules.CopiedRow, ReturnColumns.Value, draft.Row.Value,
            $"{draft.Subject}: Value {Decimals.Show(value)}, Numerator {Decimals.Show(numerator)} and Denominator {Decimals.Show(denominator)} are all the same as {previous.Where}'s. If last period's row was copied, give this period's own figures; if they really are unchanged, say so in Commentary.");
    }
}
