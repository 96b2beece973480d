using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Scoring;
using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Catalogue;

/// <summary>Reads the typed cells of an Indicators row, applying FORMATS.md's defaults and reporting what it cannot read.</summary>
internal static class IndicatorCells
{
    public const int DefaultDueWorkingDays = 10;
    public const int MaxDueWorkingDays = 60;

    public static IndicatorType? ReadType(CatalogueRow row)
    {
        var text = row.Required(IndicatorsSheet.Type, $"say whether the indicator is {IndicatorTerms.TypeChoices}.");
        if (text is null)
        {
            return null;
        }

        if (IndicatorTerms.TryType(text, out var type))
        {
            return type;
        }

        row.Error(IndicatorsSheet.Type, $"Type '{text}' is not recognised; use {IndicatorTerms.TypeChoices}.");
        return null;
    }

    /// <summary>The unit; a qualitative indicator has none to give and is recorded as a score.</summary>
    public static Unit? ReadUnit(CatalogueRow row, IndicatorType? type)
    {
        var text = row.Text(IndicatorsSheet.Unit);
        if (text is null)
        {
            return type == IndicatorType.Qualitative ? Catalogue.Unit.Score : Blank<Unit>(row, IndicatorsSheet.Unit, $"give the unit of the value: {IndicatorTerms.UnitChoices}.");
        }

        if (IndicatorTerms.TryUnit(text, out var unit))
        {
            return unit;
        }

        row.Error(IndicatorsSheet.Unit, $"Unit '{text}' is not recognised; use {IndicatorTerms.UnitChoices}.");
        return null;
    }

    /// <summary>The polarity; a qualitative indicator is not judged against a target, so blank means None.</summary>
    public static Polarity? ReadPolarity(CatalogueRow row, IndicatorType? type)
    {
        var text = row.Text(IndicatorsSheet.Polarity);
        if (text is null)
        {
            return type == IndicatorType.Qualitative ? Scoring.Polarity.None : Blank<Polarity>(row, IndicatorsSheet.Polarity, $"say which way is better: {IndicatorTerms.PolarityChoices}.");
        }

        if (IndicatorTerms.TryPolarity(text, out var polarity))
        {
            return polarity;
        }

        row.Error(IndicatorsSheet.Polarity, $"Polarity '{text}' is not recognised; use {IndicatorTerms.PolarityChoices}.");
        return null;
    }

    public static Frequency? ReadFrequency(CatalogueRow row)
    {
        var text = row.Required(IndicatorsSheet.Frequency, $"say how often it is reported: {IndicatorTerms.FrequencyChoices}.");
        if (text is null)
        {
            return null;
        }

        if (IndicatorTerms.TryFrequency(text, out var frequency))
        {
            return frequency;
        }

        row.Error(IndicatorsSheet.Frequency, $"Frequency '{text}' is not recognised; use {IndicatorTerms.FrequencyChoices}.");
        return null;
    }

    /// <summary>The multiplier: blank means 100 for a % indicator and 1 otherwise; 1000 makes a rate per thousand.</summary>
    public static decimal? ReadMultiplier(CatalogueRow row, Unit? unit)
    {
        const string Hint = "leave it blank for the default (100 for %, 1 otherwise) or enter e.g. 1000 for a rate per thousand.";
        var cell = row.Cell(IndicatorsSheet.Multiplier);
        if (cell.IsBlank)
        {
            return unit == Catalogue.Unit.Percent ? 100m : 1m;
        }

        if (!CellValues.TryReadNumber(cell, out var multiplier, out var isPercent) || isPercent)
        {
            row.Error(IndicatorsSheet.Multiplier, $"Multiplier '{cell.Text}' is not a number; {Hint}");
            return null;
        }

        if (multiplier <= 0)
        {
            row.Error(IndicatorsSheet.Multiplier, $"Multiplier {multiplier} must be more than zero; {Hint}");
            return null;
        }

        if (!IsPowerOfTen(multiplier))
        {
            row.Warning(IndicatorsSheet.Multiplier, $"Multiplier {multiplier} is unusual (1, 100 and 1000 are usual); check it is meant.");
        }

        return multiplier;
    }

    /// <summary>The amber band: <c>5%</c> (or 0.05 formatted as a percentage) is 5% of target; a plain number is an amount.</summary>
    public static Tolerance? ReadTolerance(CatalogueRow row)
    {
        var cell = row.Cell(IndicatorsSheet.Tolerance);
        if (cell.IsBlank)
        {
            return Scoring.Tolerance.None;
        }

        if (!CellValues.TryReadNumber(cell, out var amount, out var isPercent))
        {
            row.Error(IndicatorsSheet.Tolerance, $"Tolerance '{cell.Text}' is not a percentage of target (e.g. 5%) or an amount in the indicator's unit (e.g. 2); enter one of those, or leave it blank for no amber band.");
            return null;
        }

        if (amount < 0)
        {
            row.Error(IndicatorsSheet.Tolerance, $"Tolerance {cell.Text} is negative; give the width of the amber band as a positive amount or percentage.");
            return null;
        }

        return new Tolerance(amount, isPercent);
    }

    public static int? ReadDueWorkingDays(CatalogueRow row)
    {
        var cell = row.Cell(IndicatorsSheet.Due);
        if (cell.IsBlank)
        {
            return DefaultDueWorkingDays;
        }

        if (CellValues.TryReadNumber(cell, out var days, out var isPercent) && !isPercent && days == decimal.Truncate(days) && days is >= 0 and <= MaxDueWorkingDays)
        {
            return (int)days;
        }

        row.Error(IndicatorsSheet.Due, $"Due (working days) '{cell.Text}' must be a whole number of working days from 0 to {MaxDueWorkingDays}; leave it blank for the default of {DefaultDueWorkingDays}.");
        return null;
    }

    /// <summary>
    /// Whether a percentage may go beyond 0–100: blank or No means not; Yes means it may. Yes on an
    /// indicator of another unit changes nothing, and says so.
    /// </summary>
    public static bool ReadPercentBeyondRange(CatalogueRow row, Unit? unit)
    {
        var text = row.Text(IndicatorsSheet.PercentBeyondRange);
        if (text is null)
        {
            return false;
        }

        if (!IndicatorTerms.TryYesNo(text, out var allowed))
        {
            row.Error(IndicatorsSheet.PercentBeyondRange, $"{IndicatorsSheet.PercentBeyondRange} '{text}' is not Yes or No; enter Yes if the indicator's percentage may go below 0 or above 100 (e.g. outturn as a % of budget), else No or leave it blank.");
            return false;
        }

        if (allowed && unit is { } other && other != Catalogue.Unit.Percent)
        {
            row.Warning(IndicatorsSheet.PercentBeyondRange, $"{IndicatorsSheet.PercentBeyondRange} is Yes, but the indicator's unit is {IndicatorTerms.Show(other)}, not %; it only applies to percentages, so it has no effect here.");
        }

        return allowed;
    }

    public static string ReadSource(CatalogueRow row)
    {
        var text = row.Text(IndicatorsSheet.Source);
        return text is null || text.Equals(Indicator.ReturnSource, StringComparison.OrdinalIgnoreCase) ? Indicator.ReturnSource : text;
    }

    public static (DateOnly? From, DateOnly? To) ReadActivePeriod(CatalogueRow row)
    {
        var from = Date(row, IndicatorsSheet.ActiveFrom);
        var to = Date(row, IndicatorsSheet.ActiveTo);
        if (from is { } start && to is { } end && start > end)
        {
            row.Error(IndicatorsSheet.ActiveTo, $"Active to ({end:yyyy-MM-dd}) is before Active from ({start:yyyy-MM-dd}); correct one of them.");
        }

        return (from, to);
    }

    /// <summary>A date cell, blank allowed; anything else is an error asking for <paramref name="enter"/>.</summary>
    internal static DateOnly? Date(CatalogueRow row, string column, string enter = "a date such as 01/04/2025", string blankMeans = "")
    {
        var cell = row.Cell(column);
        if (cell.IsBlank)
        {
            return null;
        }

        if (CellValues.TryReadDate(cell, out var date))
        {
            return date;
        }

        row.Error(column, $"{column} '{cell.Text}' is not a date; enter {enter}, or leave it blank{blankMeans}.");
        return null;
    }

    private static T? Blank<T>(CatalogueRow row, string column, string hint)
        where T : struct
    {
        row.Required(column, hint);
        return null;
    }

    private static bool IsPowerOfTen(decimal value)
    {
        while (value >= 10 && value % 10 == 0)
        {
            value /= 10;
        }

        return value == 1;
    }
}
