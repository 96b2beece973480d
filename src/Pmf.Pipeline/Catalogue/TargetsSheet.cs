using System.Globalization;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Scoring;
using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Catalogue;

/// <summary>
/// The Targets sheet: <c>Indicator</c>, <c>Period</c>, <c>Target</c>, optionally <c>Amber threshold</c>,
/// <c>Reason</c> (why it was set or changed) and <c>Changed from</c> (the day a change takes effect).
/// A financial year's target applies to each of its periods; a target for one period overrides it.
/// </summary>
internal static class TargetsSheet
{
    public const string IndicatorColumn = "Indicator";
    public const string Period = "Period";
    public const string TargetColumn = "Target";
    public const string AmberThreshold = "Amber threshold";
    public const string Reason = "Reason";
    public const string ChangedFrom = "Changed from";

    public static SheetSpec Spec { get; } = new("Targets", ["Target"],
    [
        ColumnSpec.Required(IndicatorColumn, "Indicator code", "PI code", "KPI", "Code"),
        ColumnSpec.Required(Period, "Year", "Financial year", "Quarter", "Month"),
        ColumnSpec.Required(TargetColumn, "Target value", "Value"),
        ColumnSpec.Optional(AmberThreshold, "Amber", "Amber limit", "Red threshold"),
        ColumnSpec.Optional(Reason, "Reason for change", "Why changed", "Change reason"),
        ColumnSpec.Optional(ChangedFrom, "Effective from", "Changed on", "Applies from"),
    ]);

    public static List<Target> Read(CatalogueSheet? sheet, CodeBook indicators, Dictionary<string, IndicatorFacts> facts)
    {
        var targets = new List<Target>();
        if (sheet is null)
        {
            return targets;
        }

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in sheet.Rows)
        {
            var indicator = ReadIndicator(row, indicators, facts);
            var period = ReadPeriod(row, indicator);
            var target = ReadValue(row, TargetColumn, indicator, required: true);
            var amber = ReadValue(row, AmberThreshold, indicator, required: false);
            var changedFrom = ReadChangedFrom(row);
            if (indicator is not null && period is not null)
            {
                var key = $"{indicator.Code}|{period.Key}";
                if (!seen.TryAdd(key, row.Number))
                {
                    row.Error(Period, $"{indicator.Code} already has a target for {period.Key} in row {seen[key]}; keep one of the two rows.");
                }
            }

            if (target is not null && amber is not null && indicator is not null)
            {
                CheckAmberSide(row, indicator, target.Value, amber.Value);
            }

            if (indicator?.Type == IndicatorType.Qualitative)
            {
                row.Warning(IndicatorColumn, $"{indicator.Code} is qualitative, so it is not scored against a target; this row is ignored.");
            }
            else if (row.IsValid && indicator is not null)
            {
                targets.Add(new Target(indicator.Code, period!, target!.Value, amber)
                {
                    Reason = row.Text(Reason),
                    ChangedFrom = changedFrom,
                });
            }
        }

        return targets;
    }

    private static IndicatorFacts? ReadIndicator(CatalogueRow row, CodeBook indicators, Dictionary<string, IndicatorFacts> facts)
    {
        var text = row.Required(IndicatorColumn, "give the code of the indicator the target is for.");
        if (text is null || !indicators.IsAvailable)
        {
            return null;
        }

        var code = indicators.Resolve(text);
        if (code is null)
        {
            row.Error(IndicatorColumn, $"Indicator '{text}' is not on the Indicators sheet; use an indicator code from that sheet.");
            return null;
        }

        return facts.GetValueOrDefault(code);
    }

    private static Period? ReadPeriod(CatalogueRow row, IndicatorFacts? indicator)
    {
        var cell = row.Cell(Period);
        if (cell.IsBlank)
        {
            row.Required(Period, "give the financial year (e.g. 2025/26) or the period (e.g. 2025/26 Q1) the target is for.");
            return null;
        }

        Period? period;
        if (cell.Value is DateTime date)
        {
            // A date names the period of the indicator's frequency that contains it.
            period = indicator?.Frequency is { } dateFrequency ? PeriodParser.FromDate(date, dateFrequency) : null;
        }
        else
        {
            var parsed = PeriodParser.Parse(cell.Text);
            if (parsed.Period is null)
            {
                row.Error(Period, parsed.Error ?? $"'{cell.Text}' is not a period; write it as e.g. 2025/26 or 2025/26 Q1.");
                return null;
            }

            period = parsed.Period;
        }

        if (period is not null && indicator?.Frequency is { } frequency && period.Frequency != Frequency.Annual && period.Frequency != frequency)
        {
            row.Error(Period, $"{period.Key} is a {Describe(period.Frequency)} period, but {indicator.Code} is reported {IndicatorTerms.Show(frequency)}; give a {Describe(frequency)} period (e.g. {Example(period, frequency)}) or the whole financial year ({period.Year.Key}).");
            return null;
        }

        return period;
    }

    private static DateOnly? ReadChangedFrom(CatalogueRow row) =>
        IndicatorCells.Date(row, ChangedFrom, "the day the new target takes effect, such as 01/10/2026", " for the day the catalogue is loaded");

    private static decimal? ReadValue(CatalogueRow row, string column, IndicatorFacts? indicator, bool required)
    {
        var cell = row.Cell(column);
        if (cell.IsBlank)
        {
            if (required)
            {
                row.Required(column, "give the target value in the indicator's unit, e.g. 85.");
            }

            return null;
        }

        if (!CellValues.TryReadNumber(cell, out var value, out var isPercent))
        {
            row.Error(column, $"{column} '{cell.Text}' is not a number; enter a number in the indicator's unit, e.g. 85 or 85%.");
            return null;
        }

        if (indicator?.Unit is { } unit)
        {
            if (isPercent && unit != Unit.Percent)
            {
                row.Error(column, $"{column} {cell.Text} is a percentage, but {indicator.Code} is measured in {IndicatorTerms.Show(unit)}; enter a value in {IndicatorTerms.Show(unit)}.");
                return null;
            }

            if (!isPercent && unit == Unit.Percent && value > 0 && value <= 1)
            {
                row.Warning(column, $"{column} {cell.Text} for a % indicator is read as {Number(value)}%; if you meant {Number(value * 100)}%, enter {Number(value * 100)}.");
            }
        }

        return value;
    }

    private static void CheckAmberSide(CatalogueRow row, IndicatorFacts indicator, decimal target, decimal amber)
    {
        if (indicator.Polarity == Polarity.HigherIsBetter && amber > target)
        {
            row.Error(AmberThreshold, $"Amber threshold {Number(amber)} is above the target {Number(target)}, but higher is better for {indicator.Code}; the amber threshold must be at or below the target.");
        }
        else if (indicator.Polarity == Polarity.LowerIsBetter && amber < target)
        {
            row.Error(AmberThreshold, $"Amber threshold {Number(amber)} is below the target {Number(target)}, but lower is better for {indicator.Code}; the amber threshold must be at or above the target.");
        }
    }

    private static string Number(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    private static string Describe(Frequency frequency) => frequency switch
    {
        Frequency.Monthly => "monthly",
        Frequency.Quarterly => "quarterly",
        _ => "annual",
    };

    private static string Example(Period period, Frequency frequency) => Calendar.Period.In(period.Year, frequency).First().Key;
}
