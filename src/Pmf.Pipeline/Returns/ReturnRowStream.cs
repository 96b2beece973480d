using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Returns;

/// <summary>
/// Turns the sheet's rows below the header into <see cref="ReturnRow"/>s, one at a time. The first data row
/// is read ahead (so "no data rows" is known when the file is opened) and is the only row ever held.
/// </summary>
internal sealed class ReturnRowStream : IDisposable
{
    private readonly Workbook _workbook;
    private readonly IEnumerator<WorkbookRow> _rows;
    private readonly ReturnLayout _layout;
    private readonly ReturnRowMapper _mapper;
    private ReturnRow? _first;
    private int _lastRow;
    private bool _started;
    private bool _disposed;

    public ReturnRowStream(Workbook workbook, IEnumerator<WorkbookRow> rows, ReturnLayout layout, string indicatorHeader)
    {
        _workbook = workbook;
        _rows = rows;
        _layout = layout;
        _lastRow = layout.HeaderRow;
        _mapper = new ReturnRowMapper(layout, indicatorHeader);
    }

    /// <summary>The workbook the rows come from.</summary>
    public Workbook Workbook => _workbook;

    /// <summary>The rows the sheet declares below the header: at most this many data rows follow.</summary>
    public int DeclaredRows => Math.Max(0, _workbook.DeclaredRows - _layout.HeaderRow);

    /// <summary>Reads ahead to the first data row; false when the sheet has none. Throws <see cref="ReturnReadException"/> on a file fault.</summary>
    public bool HasDataRows()
    {
        _first = Next();
        return _first is not null;
    }

    public IEnumerable<ReturnRow> Rows()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_started)
        {
            throw new InvalidOperationException($"The rows of '{_layout.File}' have already been read; a return's rows are streamed from the file and can be read once.");
        }

        _started = true;
        if (_first is { } first)
        {
            _first = null;
            yield return first;
        }

        while (Next() is { } row)
        {
            yield return row;
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _rows.Dispose();
        _workbook.Dispose();
    }

    private ReturnRow? Next()
    {
        while (true)
        {
            bool moved;
            try
            {
                moved = _rows.MoveNext();
            }
            catch (WorkbookException ex)
            {
                throw new ReturnReadException(ReturnProblems.UnreadableRows(ex, _layout, _lastRow), ex);
            }

            if (!moved)
            {
                return null;
            }

            _lastRow = _rows.Current.RowNumber;
            if (_mapper.Map(_rows.Current) is { } row)
            {
                return row;
            }
        }
    }
}
