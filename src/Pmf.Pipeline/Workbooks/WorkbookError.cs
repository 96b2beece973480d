using System.Collections.Frozen;

namespace Pmf.Pipeline.Workbooks;

/// <summary>
/// An Excel error value in a cell (<c>#DIV/0!</c>, <c>#N/A</c>...): the cached result of a formula that failed.
/// A <see cref="WorkbookCell"/> holds one where the workbook stored the error, so it reads as the error it is
/// and never as an empty cell.
/// </summary>
/// <param name="Text">The error as Excel shows it, e.g. <c>#DIV/0!</c>.</param>
public sealed record WorkbookError(string Text)
{
    private static readonly FrozenSet<string> Errors = new[]
    {
        "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="text"/> (already trimmed) is one of Excel's error values.</summary>
    public static bool IsErrorText(string text) => text.Length > 1 && text[0] == '#' && Errors.Contains(text);

    /// <inheritdoc />
    public override string ToString() => Text;
}
