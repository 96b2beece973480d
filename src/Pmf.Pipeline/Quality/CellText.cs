using System.Collections.Frozen;
using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Quality;

/// <summary>What a text cell says once the filler people type for "nothing" is set aside.</summary>
internal static class CellText
{
    // Typed for "nothing here". In Commentary they are no reason; in Value they are a blank value.
    private static readonly FrozenSet<string> Placeholders = new[]
    {
        "-", "--", "---", ".", "?", "n/a", "na", "n.a.", "not available", "not applicable",
        "tbc", "tba", "none", "nil", "null", "blank",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The cell's text trimmed, or null when it is blank, only a placeholder such as <c>n/a</c> or <c>-</c>,
    /// or an Excel error value such as <c>#N/A</c> (which is no reason and no status).
    /// </summary>
    public static string? Meaningful(WorkbookCell cell)
    {
        var text = Trim(cell.Text);
        return text.Length == 0 || Placeholders.Contains(text) || IsExcelError(cell) ? null : text;
    }

    /// <summary>
    /// True for an Excel error value (<c>#DIV/0!</c>, <c>#N/A</c>, <c>#VALUE!</c>, <c>#REF!</c>, <c>#NAME?</c>,
    /// <c>#NUM!</c>, <c>#NULL!</c>...), whether the workbook stored it as an error or someone typed or exported it
    /// as text. It means a formula failed: never a blank, never a nil return.
    /// </summary>
    public static bool IsExcelError(WorkbookCell cell) =>
        cell.Value is WorkbookError || (cell.Value is string text && WorkbookError.IsErrorText(Trim(text)));

    /// <summary>True when the cell is a placeholder such as <c>n/a</c>, <c>-</c> or <c>TBC</c>.</summary>
    public static bool IsPlaceholder(WorkbookCell cell) => cell.Value is string && Placeholders.Contains(Trim(cell.Text));

    /// <summary>Trims every kind of space, including non-breaking and zero-width ones.</summary>
    public static string Trim(string text)
    {
        // Spans, and the original string back when nothing was trimmed: this runs on every cell.
        var trimmed = text.AsSpan().Trim().Trim(Invisible).Trim();
        return trimmed.Length == text.Length ? text : trimmed.ToString();
    }

    private static readonly char[] Invisible = ['\u200B', '\uFEFF', '\u00A0', '\u202F'];
}
