using Pmf.Pipeline.Returns;

namespace Pmf.Pipeline.Quality.Rules;

/// <summary>
/// DQ050 value disagrees with numerator and denominator, DQ051 zero denominator, DQ052 one without
/// the other. Where the value is blank and both are given, the value is worked out from them, rounded
/// to <see cref="QualityThresholds.ComputedValueDecimals"/> places, and that is no finding: it is
/// what the sender asked for by giving them.
/// </summary>
internal static class RatioCheck
{
    public static void Apply(RowDraft draft, decimal? numerator, decimal? denominator)
    {
        var row = draft.Row;
        draft.Numerator = numerator;
        draft.Denominator = denominator;
        if (numerator is null && denominator is null)
        {
            return;
        }

        if (numerator is null || denominator is null)
        {
            var (given, cell, missing) = numerator is null
                ? (ReturnColumns.Denominator, row.Denominator, ReturnColumns.Numerator)
                : (ReturnColumns.Numerator, row.Numerator, ReturnColumns.Denominator);
            if (!draft.HasError)
            {
                draft.Raise(QualityRules.RatioIncomplete, given, cell,
                    $"{given} '{cell.Text}' is given without a {missing}, so the value cannot be checked against them. Give both, or neither.");
            }

            return;
        }

        if (denominator == 0m)
        {
            draft.Raise(QualityRules.ZeroDenominator, ReturnColumns.Denominator, row.Denominator,
                $"Denominator '{row.Denominator.Text}' is zero, so the value cannot be worked out from it. Give the true denominator, or leave Numerator and Denominator blank and give the value (or say in Commentary why there is none).");
            return;
        }

        var multiplier = draft.Definition!.Multiplier;
        if (TooLargeToWorkOut(draft, numerator.Value, denominator.Value, multiplier))
        {
            return;
        }

        var computed = Math.Round(numerator.Value * multiplier / denominator.Value, QualityThresholds.ComputedValueDecimals, MidpointRounding.AwayFromZero);
        if (draft.Value is not { } value)
        {
            if (draft.ValueReading.Kind == NumberReadingKind.Blank)
            {
                draft.Value = Decimals.Trim(computed);
                draft.IsValueComputed = true;
            }

            return;
        }

        if (Math.Abs(value - computed) > Allowance(draft.ValueReading, computed) && !RatioRounding.Overlaps(value, numerator.Value, denominator.Value, multiplier))
        {
            draft.Raise(QualityRules.RatioMismatch, ReturnColumns.Value, row.Value,
                $"Value '{row.Value.Text}' does not agree with Numerator {Decimals.Show(numerator.Value)} ÷ Denominator {Decimals.Show(denominator.Value)} × {Decimals.Show(multiplier)} = {Decimals.Show(Math.Round(computed, 2))}. Correct whichever is wrong, or leave Value blank to have it worked out.");
        }
    }

    /// <summary>
    /// DQ048 when numerator ÷ denominator × multiplier would reach <see cref="QualityThresholds.LargestNumber"/>
    /// (a tiny denominator, or numbers in the wrong units): judged in double first, so the decimal
    /// division that follows can never overflow.
    /// </summary>
    private static bool TooLargeToWorkOut(RowDraft draft, decimal numerator, decimal denominator, decimal multiplier)
    {
        var approximate = (double)numerator * (double)multiplier / (double)denominator;
        if (Math.Abs(approximate) < (double)QualityThresholds.LargestNumber)
        {
            return false;
        }

        draft.Raise(QualityRules.NumberTooLarge, ReturnColumns.Value, draft.Row.Value,
            $"Numerator {draft.Row.Numerator.Text} ÷ Denominator {draft.Row.Denominator.Text} × {Decimals.Show(multiplier)} comes to about {approximate.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)}, too large to be a council's figure: check Numerator and Denominator and their units, and send the file again.");
        return true;
    }

    /// <summary>
    /// How far a typed value may be from the worked-out one: the larger of
    /// <see cref="QualityThresholds.RatioAbsoluteTolerance"/>, <see cref="QualityThresholds.RatioRelativeTolerance"/>
    /// of the value, and half a unit in the last digit typed (<c>85</c> stands for 84.5 to 85.5, <c>2740</c>
    /// for 2735 to 2745: <see cref="RatioRounding.HalfUnit"/>). Numerator and denominator are allowed
    /// their own rounding on top (<see cref="RatioRounding.Overlaps"/>).
    /// </summary>
    internal static decimal Allowance(NumberReading typed, decimal computed) =>
        Math.Max(Math.Max(QualityThresholds.RatioAbsoluteTolerance, QualityThresholds.RatioRelativeTolerance * Math.Abs(computed)), RatioRounding.HalfUnit(typed.Value));
}
