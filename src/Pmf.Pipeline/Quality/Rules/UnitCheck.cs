using Pmf.Pipeline.Catalogue;

using Pmf.Pipeline.Returns;

namespace Pmf.Pipeline.Quality.Rules;

/// <summary>
/// DQ043 percentage outside 0–100, DQ044 negative count or days, DQ045 count not whole, DQ046 a
/// percentage for another unit, DQ047 a percentage that looks like a fraction. Money, ratios and
/// scores may be negative or fractional, so they are not judged here.
/// </summary>
internal static class UnitCheck
{
    public static void Apply(RowDraft draft)
    {
        if (draft.Value is not { } value)
        {
            return;
        }

        var indicator = draft.Definition!;
        var reading = draft.ValueReading;
        var cell = draft.Row.Value;
        if (reading.IsPercent && indicator.Unit != Unit.Percent)
        {
            draft.Raise(QualityRules.PercentForOtherUnit, ReturnColumns.Value, cell,
                $"Value '{cell.Text}' is a percentage, but {draft.Code} is {Phrase(indicator.Unit)}. Type the value as a plain number (and if the cell is formatted as a percentage, format it as Number).");
            return;
        }

        switch (indicator.Unit)
        {
            case Unit.Percent when (value < 0m || value > 100m) && !indicator.PercentBeyondRange:
                draft.Raise(QualityRules.PercentOutOfRange, ReturnColumns.Value, cell,
                    $"Value {Typed(draft, value)} is outside 0–100, which a percentage of a whole cannot be. Correct the figure; if {draft.Code} really can go beyond 0–100 (e.g. outturn as a % of budget, or a % change), ask the performance team to set '{IndicatorsSheet.PercentBeyondRange}' to Yes for it on the catalogue's Indicators sheet.");
                break;
            case Unit.Percent when value > 0m && value < 1m && !reading.IsPercent && !ConfirmedByRatio(draft):
                draft.Raise(QualityRules.PercentLooksLikeFraction, ReturnColumns.Value, cell,
                    $"Value '{cell.Text}' is recorded as {Decimals.Show(value)}%. If you meant {Decimals.Show(value * 100m)}%, type {Decimals.Show(value * 100m)} or {Decimals.Show(value * 100m)}% and send the file again.");
                break;
            case Unit.Count or Unit.Days when value < 0m:
                draft.Raise(QualityRules.NegativeAmount, ReturnColumns.Value, cell,
                    $"Value {Typed(draft, value)} is negative, but {draft.Code} is {Phrase(indicator.Unit)}, which cannot be below zero. Correct the value.");
                break;
            case Unit.Count when value != decimal.Truncate(value):
                draft.Raise(QualityRules.CountNotWhole, ReturnColumns.Value, cell,
                    $"Value {Typed(draft, value)} is not a whole number, but {draft.Code} is a count. It has been loaded as given; check it, and correct it if it should be whole.");
                break;
        }
    }

    /// <summary>The value as a message quotes it; only built for a message, as formatting a cell costs on every row.</summary>
    private static string Typed(RowDraft draft, decimal value) =>
        draft.IsValueComputed ? $"{Decimals.Show(value)} (worked out from Numerator and Denominator)" : $"'{draft.Row.Value.Text}'";

    /// <summary>True when the value was worked out from, or agreed with, a numerator and denominator: it is then no slip.</summary>
    private static bool ConfirmedByRatio(RowDraft draft) => draft.Numerator is not null && draft.Denominator is not null;

    private static string Phrase(Unit unit) => unit switch
    {
        Unit.Percent => "a percentage",
        Unit.Count => "a count",
        Unit.Pounds => "measured in £",
        Unit.Days => "measured in days",
        Unit.Ratio => "a ratio",
        _ => "a score",
    };
}
