using System.Globalization;

using Pmf.Pipeline.Returns;

namespace Pmf.Pipeline.Quality.Rules;

/// <summary>DQ010 indicator blank, DQ011 unknown indicator, DQ012 another service's indicator, DQ013 not active.</summary>
internal static class IndicatorCheck
{
    /// <summary>Finds the row's indicator; false when there is none to find, and nothing more can be checked.</summary>
    public static bool Identify(RowDraft draft, IndicatorDirectory directory)
    {
        var cell = draft.Row.Indicator;
        var typed = CellText.Trim(cell.Text);
        if (typed.Length == 0)
        {
            draft.Raise(QualityRules.IndicatorBlank, ReturnColumns.Indicator, cell,
                "This row has no indicator code, so nothing on it can be recorded. Type the indicator's code, or delete the row if it holds only notes (notes belong in the Commentary of the indicator's own row).");
            return false;
        }

        if (directory.Find(typed) is not { } indicator)
        {
            var advice = directory.Suggest(typed) is { } near
                ? $"Did you mean {near}? Correct the code"
                : "Check the code against your service's list of indicators";
            draft.Raise(QualityRules.UnknownIndicator, ReturnColumns.Indicator, cell,
                $"Indicator '{cell.Text}' is not in the catalogue. {advice}, or ask the performance team to add the indicator to the catalogue.");
            return false;
        }

        draft.Code = indicator.Code;
        draft.Definition = indicator;
        return true;
    }

    /// <summary>False when the indicator is another service's: the row is not the sender's to give, so nothing more is checked.</summary>
    public static bool InScope(RowDraft draft, string? sender)
    {
        var owner = draft.Definition!.ServiceCode;
        if (sender is null || IndicatorDirectory.SameService(owner, sender))
        {
            return true;
        }

        draft.Raise(QualityRules.OutOfScope, ReturnColumns.Indicator, draft.Row.Indicator,
            $"{draft.Code} ({draft.Definition.Name}) is reported by service {owner}, not {sender.Trim()}, so this return cannot give it. Delete the row, or ask {owner} to include it in their return.");
        return false;
    }

    /// <summary>Raises DQ013 when the indicator was not reported in the row's period.</summary>
    public static void Active(RowDraft draft)
    {
        var indicator = draft.Definition!;
        var period = draft.Period!;
        if (indicator.IsActiveIn(period))
        {
            return;
        }

        var why = indicator.ActiveFrom is { } from && from > period.End
            ? $"it is reported from {Day(from)}"
            : $"it was retired on {Day(indicator.ActiveTo!.Value)}";
        draft.Raise(QualityRules.NotActive, ReturnColumns.Period, draft.Row.Period,
            $"{draft.Code} is not reported in {period.Key}: {why}. Check the period, or delete the row.");
    }

    internal static string Day(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
