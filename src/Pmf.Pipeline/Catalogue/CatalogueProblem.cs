namespace Pmf.Pipeline.Catalogue;

/// <summary>One thing wrong (or odd) in a catalogue workbook, located for the person who keeps it.</summary>
/// <param name="File">The workbook's file name.</param>
/// <param name="Sheet">The sheet as named in the workbook (or as expected, when it is missing); null for the whole file.</param>
/// <param name="Row">The row number as Excel shows it; null for a whole sheet or file.</param>
/// <param name="Column">The column as FORMATS.md names it (e.g. <c>Due (working days)</c>); null for a whole row, sheet or file.</param>
/// <param name="Value">The raw value in the cell, as a person reads it; null when the cell is blank or there is no cell.</param>
/// <param name="Message">What is wrong and what to do, in one or two sentences.</param>
/// <param name="Severity">Whether it stops the catalogue loading.</param>
public sealed record CatalogueProblem(string File, string? Sheet, int? Row, string? Column, string? Value, string Message, ProblemSeverity Severity)
{
    /// <summary>The column's number in the sheet as Excel counts (A = 1), when the problem is in a cell of a found header's column.</summary>
    public int? ColumnNumber { get; init; }

    /// <inheritdoc />
    public override string ToString()
    {
        var where = string.Join(", ", new[] { File, Sheet is null ? null : $"sheet {Sheet}", Row is null ? null : $"row {Row}", Column is null ? null : $"column {Column}" }.OfType<string>());
        var value = Value is null ? string.Empty : $" ['{Value}']";
        return $"{Severity} at {where}{value}: {Message}";
    }
}
