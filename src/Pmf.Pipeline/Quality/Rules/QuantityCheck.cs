using Pmf.Pipeline.Workbooks;

using Pmf.Pipeline.Returns;

namespace Pmf.Pipeline.Quality.Rules;

/// <summary>
/// DQ040 not a number, DQ041 value missing, DQ042 nil return: reads a quantitative row's Value,
/// Numerator and Denominator, works the value out from them where it is blank, and decides what a
/// blank value means. Typed filler (<c>n/a</c>, <c>-</c>, <c>TBC</c>) counts as blank; an Excel error value
/// (<c>#DIV/0!</c>, <c>#N/A</c>) is an error on the row, never a blank.
/// </summary>
internal static class QuantityCheck
{
    public static void Read(RowDraft draft)
    {
        var row = draft.Row;
        var reading = CellText.IsPlaceholder(row.Value) ? NumberReading.Blank : draft.ValueNumber;
        draft.ValueReading = reading;
        var numerator = Part(draft, ReturnColumns.Numerator, row.Numerator, draft.NumeratorNumber);
        var denominator = Part(draft, ReturnColumns.Denominator, row.Denominator, draft.DenominatorNumber);
        switch (reading.Kind)
        {
            case NumberReadingKind.Number:
                if (TooLarge(draft, ReturnColumns.Value, row.Value, reading.Value))
                {
                    return;
                }

                draft.Value = Decimals.Trim(reading.Value);
                break;
            case NumberReadingKind.Blank:
                break;
            default:
                NotANumber(draft, ReturnColumns.Value, row.Value, reading.Kind);
                return;
        }

        RatioCheck.Apply(draft, numerator, denominator);
        if (reading.Kind == NumberReadingKind.Blank && draft.Value is null && !draft.HasError)
        {
            Blank(draft);
        }
    }

    private static void Blank(RowDraft draft)
    {
        var cell = draft.Row.Value;
        if (draft.Commentary is { } reason)
        {
            draft.IsNilReturn = true;
            draft.Raise(QualityRules.NilReturn, ReturnColumns.Value, cell,
                $"No value for {draft.Subject}: recorded as a nil return, flagged. Send the value in a later return when you have it; if the value is zero, type 0. Your reason: \"{Quote(reason)}\"");
            return;
        }

        var typed = cell.IsBlank ? string.Empty : $" ('{cell.Text}')";
        draft.Raise(QualityRules.ValueMissing, ReturnColumns.Value, cell,
            $"{draft.Subject} has no value{typed}. Give the value, or say why there is none in Commentary (a nil return); if the value is zero, type 0.");
    }

    private static decimal? Part(RowDraft draft, string column, WorkbookCell cell, NumberReading number)
    {
        var reading = CellText.IsPlaceholder(cell) ? NumberReading.Blank : number;
        if (reading is { IsNumber: true, IsPercent: false })
        {
            return TooLarge(draft, column, cell, reading.Value) ? null : Decimals.Trim(reading.Value);
        }

        if (reading.IsNumber)
        {
            draft.Raise(QualityRules.NotANumber, column, cell,
                $"{column} '{cell.Text}' is a percentage; give the {column.ToLowerInvariant()} itself as a plain number (e.g. 170), or leave Numerator and Denominator blank.");
        }
        else if (reading.Kind != NumberReadingKind.Blank)
        {
            NotANumber(draft, column, cell, reading.Kind);
        }

        return null;
    }

    /// <summary>DQ048 for a number no council reports, before any rule computes with it (and could overflow).</summary>
    private static bool TooLarge(RowDraft draft, string column, WorkbookCell cell, decimal value)
    {
        if (Math.Abs(value) < QualityThresholds.LargestNumber)
        {
            return false;
        }

        draft.Raise(QualityRules.NumberTooLarge, column, cell,
            $"{column} '{cell.Text}' is too large to be a council's figure (the gate takes numbers below 10^18): check the figure and its units, and send the file again.");
        return true;
    }

    private static void NotANumber(RowDraft draft, string column, WorkbookCell cell, NumberReadingKind kind)
    {
        var message = kind switch
        {
            NumberReadingKind.FormulaText =>
                $"{column} '{cell.Text}' is the text of a formula, not a number: a return's formulas are never worked out. Type the number itself (in Excel, copy the cell and paste it as values).",
            NumberReadingKind.ExcelError =>
                $"{column} shows Excel's error {CellText.Trim(cell.Text)}: the formula behind it failed, so there is no figure to load. Correct the formula or type the figure, and send the file again; if there is no value, leave the cell empty and say why in Commentary.",
            NumberReadingKind.Date =>
                $"{column} '{cell.Text}' is a date, not a number (Excel may have turned what was typed into a date). Format the cell as Number and type the value again.",
            _ =>
                $"{column} '{cell.Text}' is not a number. Type the number only, e.g. 85, 85%, 1,234 or £1,234.50; if there is no value, leave it blank and say why in Commentary.",
        };
        draft.Raise(QualityRules.NotANumber, column, cell, message);
    }

    internal static string Quote(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");
}
