using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Catalogue;

/// <summary>A data row of a catalogue sheet: cells by column name, and problems reported against them.</summary>
internal sealed class CatalogueRow(CatalogueSheet sheet, WorkbookRow row)
{
    public int Number => row.RowNumber;

    /// <summary>Errors found in this row; an entity is only built from a row without any.</summary>
    public int Errors { get; private set; }

    public bool IsValid => Errors == 0;

    public WorkbookCell Cell(string column) => sheet.Header.Cell(row, column);

    /// <summary>The trimmed text of the cell, or null when it is blank or the column is absent.</summary>
    public string? Text(string column)
    {
        var cell = Cell(column);
        return cell.IsBlank ? null : cell.Text.Trim();
    }

    /// <summary>
    /// The trimmed text of a cell that must be filled in; a blank one is reported with <paramref name="hint"/>
    /// (what to put there). An absent column was reported once for the sheet, so only fails the row.
    /// </summary>
    public string? Required(string column, string hint)
    {
        var text = Text(column);
        if (text is null)
        {
            if (sheet.Has(column))
            {
                Error(column, $"{column} is blank; {hint}");
            }
            else
            {
                Errors++;
            }
        }

        return text;
    }

    public void Error(string column, string message)
    {
        Errors++;
        sheet.Problems.Error(sheet.Name, Number, column, Raw(column), message, ColumnNumber(column));
    }

    public void Warning(string column, string message) => sheet.Problems.Warning(sheet.Name, Number, column, Raw(column), message, ColumnNumber(column));

    private int? ColumnNumber(string column) => sheet.Header.Columns.TryGetValue(column, out var index) ? index + 1 : null;

    private string? Raw(string column)
    {
        var cell = Cell(column);
        return cell.Value is null ? null : cell.Text;
    }
}
