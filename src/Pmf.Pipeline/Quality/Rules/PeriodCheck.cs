using Pmf.Pipeline.Calendar;

using Pmf.Pipeline.Returns;

namespace Pmf.Pipeline.Quality.Rules;

/// <summary>DQ020 period blank or unreadable, DQ021 wrong frequency, DQ022 in the future.</summary>
internal static class PeriodCheck
{
    /// <summary>
    /// Reads the row's period at the indicator's frequency (an Excel date is the period containing it)
    /// and settles the definition that governs it; false when there is no period to key the row by.
    /// An indicator whose frequency changed is read at the frequency of the version in force for the
    /// period, so a late monthly row for a now-quarterly indicator is still read as a month.
    /// </summary>
    public static bool Resolve(RowDraft draft, GateContext context)
    {
        var latest = draft.Definition!;
        var (period, rule, error) = Read(draft, latest.Frequency, context.AsOf);
        if (period is null && rule == QualityRules.PeriodWrongFrequency
            && PeriodParser.Parse(CellText.Trim(draft.Row.Period.Text)).Period is { } other
            && context.DefinitionFor(draft.Code!, other) is { } older && older.Frequency == other.Frequency)
        {
            period = other;
        }

        if (period is null)
        {
            draft.Raise(rule!, ReturnColumns.Period, draft.Row.Period, error!);
            return false;
        }

        var governing = context.DefinitionFor(draft.Code!, period) ?? latest;
        if (governing.Frequency != period.Frequency && draft.Row.Period.Value is DateTime date)
        {
            period = PeriodParser.FromDate(date, governing.Frequency);
            governing = context.DefinitionFor(draft.Code!, period) ?? governing;
        }

        draft.Definition = governing;
        draft.Period = period;
        return true;
    }

    /// <summary>
    /// Raises DQ022 unless the period ended before the day the return is checked. The period still
    /// running is "in the future" too: its figure is partial until the period is over, and a
    /// partial figure loaded as the period's result would mislead every report that reads it.
    /// </summary>
    public static void Ended(RowDraft draft, DateOnly asOf)
    {
        var period = draft.Period!;
        if (period.End < asOf)
        {
            return;
        }

        var message = period.Start > asOf
            ? $"{period.Key} has not started yet (it runs {IndicatorCheck.Day(period.Start)} to {IndicatorCheck.Day(period.End)}). Check the period: a result can be sent once its period has ended."
            : $"{period.Key} does not end until {IndicatorCheck.Day(period.End)}, so its result is not final yet. Check the period, or send this row once the period is over.";
        draft.Raise(QualityRules.PeriodInFuture, ReturnColumns.Period, draft.Row.Period, message);
    }

    private static (Period? Period, QualityRule? Rule, string? Error) Read(RowDraft draft, Frequency frequency, DateOnly asOf)
    {
        var cell = draft.Row.Period;
        if (cell.Value is DateTime date)
        {
            return (PeriodParser.FromDate(date, frequency), null, null);
        }

        if (cell.IsBlank)
        {
            var example = Period.Containing(asOf, frequency).Previous().Key;
            return (null, QualityRules.PeriodUnreadable, $"The period is blank. Type the period the value is for, e.g. {example}.");
        }

        var text = CellText.Trim(cell.Text);
        var result = PeriodParser.Parse(text, frequency, draft.Code);
        if (result.Period is { } period)
        {
            return (period, null, null);
        }

        var rule = PeriodParser.Parse(text).Period is { } other && other.Frequency != frequency
            ? QualityRules.PeriodWrongFrequency
            : QualityRules.PeriodUnreadable;
        return (null, rule, result.Error);
    }
}
