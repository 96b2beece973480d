using System.Globalization;
using ExcelDataReader;

namespace Pmf.Pipeline.Workbooks;

/// <summary>
/// An open workbook: its sheets, and a forward-only stream of each sheet's rows. Rows are read as they
/// are enumerated and never held, so memory does not grow with row count. One sheet is read at a time;
/// starting another enumeration ends the previous one. Open with <see cref="WorkbookReader.Open"/>.
/// </summary>
public sealed class Workbook : IDisposable
{
    private readonly IExcelDataReader _reader;
    private readonly SeekableSource _source;
    private readonly FileSignature _signature;
    private readonly ErrorCells _errors;
    private readonly CsvText? _text;
    private int _currentSheet;
    private bool _currentSheetStarted;
    private int _enumeration;

    internal Workbook(
        string fileName, WorkbookFormat format, FileSignature signature, IExcelDataReader reader, SeekableSource source, IReadOnlyList<WorkbookSheet> sheets,
        ErrorCells? errors = null, CsvText? text = null)
    {
        _errors = errors ?? ErrorCells.None;
        _text = text;
        FileName = fileName;
        Format = format;
        Sheets = sheets;
        _signature = signature;
        _reader = reader;
        _source = source;
    }

    /// <summary>The file name as the sender gave it.</summary>
    public string FileName { get; }

    /// <summary>What kind of file it is, judged by its contents.</summary>
    public WorkbookFormat Format { get; }

    /// <summary>
    /// How many rows the sheet being read declares (for a workbook, its used range): an upper bound for
    /// sizing memory, not a count of data rows; a sheet formatted far down declares rows it does not have.
    /// </summary>
    public int DeclaredRows { get; private set; }

    /// <summary>
    /// For a CSV that is UTF-8 but for a few bytes (read as Windows-1252): the first records holding such
    /// bytes (at most <see cref="CsvText.MaxRecordsNamed"/>). Empty otherwise.
    /// </summary>
    public IReadOnlyList<int> MisencodedRecords => _text?.MixedRecords ?? [];

    /// <summary>How many records of a CSV held bytes read as Windows-1252 in an otherwise UTF-8 file.</summary>
    public int MisencodedRecordCount => _text?.MixedRecordCount ?? 0;

    /// <summary>The sheets in workbook order, hidden ones included.</summary>
    public IReadOnlyList<WorkbookSheet> Sheets { get; }

    /// <summary>
    /// Streams the rows of <paramref name="sheet"/> that hold at least one non-blank cell, in order.
    /// A file fault met on the way is thrown as <see cref="WorkbookException"/>.
    /// </summary>
    public IEnumerable<WorkbookRow> ReadRows(WorkbookSheet sheet, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(sheet.Index, Sheets.Count);
        return Rows(sheet, cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _reader.Dispose();
        _text?.Dispose();
        _source.Dispose();
    }

    private IEnumerable<WorkbookRow> Rows(WorkbookSheet sheet, CancellationToken cancellationToken)
    {
        var enumeration = ++_enumeration;
        Guard(() => MoveTo(sheet));
        var cursor = new SheetCursor(sheet.Name, sheet.Index);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (enumeration != _enumeration)
            {
                throw new InvalidOperationException($"Rows of sheet '{sheet.Name}' were read after another sheet's rows were started; read one sheet at a time.");
            }

            var row = Guard(() => ReadRow(cursor));
            if (row is null)
            {
                yield break;
            }

            if (row.Cells.Count > 0)
            {
                yield return row;
            }
        }
    }

    private void MoveTo(WorkbookSheet sheet)
    {
        var index = sheet.Index;
        if (index < _currentSheet || (index == _currentSheet && _currentSheetStarted))
        {
            _reader.Reset();
            _currentSheet = 0;
        }

        while (_currentSheet < index)
        {
            _reader.NextResult();
            _currentSheet++;
        }

        _currentSheetStarted = true;
        var (rows, columns) = (_reader.RowCount, _reader.FieldCount);
        DeclaredRows = rows;
        if (columns > WorkbookLimits.MaxColumns && (long)rows * columns > WorkbookLimits.MaxWideSheetCells)
        {
            throw WorkbookFailures.SheetTooWide(FileName, sheet.Name, rows, columns);
        }
    }

    /// <summary>The next row (with no cells when it is blank), or null at the end of the sheet.</summary>
    private WorkbookRow? ReadRow(SheetCursor cursor)
    {
        if (!_reader.Read())
        {
            return null;
        }

        var rowNumber = ++cursor.RowNumber;
        if (rowNumber > WorkbookLimits.MaxSheetRows && Format != WorkbookFormat.Csv)
        {
            throw WorkbookFailures.TooManyRows(FileName, cursor.SheetName);
        }

        // A stray cell far right makes the reader report millions of fields for every row; Excel
        // itself stops at 16,384 columns, so anything wider is damage, rejected before it costs minutes.
        if (_reader.FieldCount > ExcelColumnLimit)
        {
            throw WorkbookFailures.BeyondExcelColumns(FileName, cursor.SheetName, _reader.FieldCount);
        }

        var last = Math.Max(LastNonBlankColumn(), _errors.LastColumn(cursor.SheetIndex, rowNumber, _reader.FieldCount));
        if (last >= WorkbookLimits.MaxColumns)
        {
            throw WorkbookFailures.TooManyColumns(FileName, cursor.SheetName, rowNumber, last);
        }

        var cells = last < 0 ? [] : new WorkbookCell[last + 1];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = Cell(i, cursor, rowNumber);
        }

        return new WorkbookRow(rowNumber, cells);
    }

    private const int ExcelColumnLimit = 16_384;

    private int LastNonBlankColumn()
    {
        for (var i = _reader.FieldCount - 1; i >= 0; i--)
        {
            var value = _reader.GetValue(i);
            if (value is not null && !(value is string text && string.IsNullOrWhiteSpace(text)))
            {
                return i;
            }
        }

        return -1;
    }

    private WorkbookCell Cell(int column, SheetCursor cursor, int rowNumber)
    {
        var value = _reader.GetValue(column);
        switch (value)
        {
            case null:
                return _errors.At(cursor.SheetIndex, rowNumber, column) is { } error ? new WorkbookCell(new WorkbookError(error), null) : WorkbookCell.Blank;
            case string text when text.Length > WorkbookLimits.MaxCellTextLength:
                throw WorkbookFailures.CellTooLong(FileName, cursor.SheetName, rowNumber, column, text.Length);
            case string text when text.Length == 0:
                return WorkbookCell.Blank;
        }

        var format = Format == WorkbookFormat.Csv ? null : _reader.GetNumberFormatString(column);
        return new WorkbookCell(Normalise(value), format);
    }

    private static object Normalise(object value) => value switch
    {
        string or double or bool or DateTime => value,
        int or long or short or byte or float or decimal => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        TimeSpan time => time.TotalDays,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ReaderFailures.IsFileFault(ex))
        {
            throw ReaderFailures.Translate(ex, FileName, _signature);
        }
    }

    private void Guard(Action read) => Guard(() =>
    {
        read();
        return true;
    });

    private sealed class SheetCursor(string sheetName, int sheetIndex)
    {
        public string SheetName { get; } = sheetName;

        public int SheetIndex { get; } = sheetIndex;

        public int RowNumber { get; set; }
    }
}
