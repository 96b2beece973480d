using System.Diagnostics.CodeAnalysis;
using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Returns;

/// <summary>
/// What opening a return produced: its <see cref="Layout"/> and a forward-only stream of <see cref="Rows"/>,
/// or the <see cref="Problem"/> that rejects the whole file. A readable result keeps the file open until
/// disposed; dispose it when the rows have been read.
/// </summary>
public sealed class ReturnReadResult : IDisposable
{
    private readonly ReturnRowStream? _stream;

    private ReturnReadResult(ReturnLayout? layout, ReturnProblem? problem, ReturnRowStream? stream)
    {
        Layout = layout;
        Problem = problem;
        _stream = stream;
    }

    /// <summary>Where the data is and how the header reads; set when the header was found (also for some rejections, e.g. no data rows).</summary>
    public ReturnLayout? Layout { get; }

    /// <summary>Why the file is rejected as a whole; null when its rows can be read.</summary>
    public ReturnProblem? Problem { get; }

    /// <summary>True when the file is rejected: <see cref="Problem"/> says why.</summary>
    [MemberNotNullWhen(true, nameof(Problem))]
    [MemberNotNullWhen(false, nameof(Layout))]
    public bool IsRejected => Problem is not null;

    /// <summary>
    /// The data rows below the header, streamed from the file as they are enumerated and never held, so memory
    /// does not grow with the number of rows. They can be enumerated once. Rows whose return columns are all
    /// blank are skipped; every other row is yielded, even one with no indicator code (the gate flags it).
    /// When the file proves unreadable part-way down, enumeration throws <see cref="ReturnReadException"/>
    /// carrying the located problem: the job catches it and rejects the whole submission. Enumerating the
    /// rows of a rejected result throws the same exception with <see cref="Problem"/>, so a caller that forgot
    /// to check is never handed an empty list.
    /// </summary>
    public IEnumerable<ReturnRow> Rows => _stream is null ? Rejected(Problem!) : _stream.Rows();

    /// <summary>
    /// How many data rows the sheet declares at most (from its used range; 0 when rejected). Enough to size
    /// memory up front, e.g. the gate's; a sheet formatted far down overstates it, so never a count to report.
    /// </summary>
    public int DeclaredRows => _stream?.DeclaredRows ?? 0;

    /// <summary>
    /// For a CSV that is UTF-8 but for a few bytes read as Windows-1252: the first rows holding them, and how
    /// many there are in all (<see cref="Workbook.MisencodedRecords"/>). Empty otherwise.
    /// </summary>
    public (IReadOnlyList<int> Rows, int Count) Misencoded =>
        _stream is null ? ([], 0) : (_stream.Workbook.MisencodedRecords, _stream.Workbook.MisencodedRecordCount);

    /// <inheritdoc />
    public void Dispose() => _stream?.Dispose();

    internal static ReturnReadResult Readable(ReturnLayout layout, ReturnRowStream stream) => new(layout, null, stream);

    internal static ReturnReadResult Rejected(ReturnProblem problem, ReturnLayout? layout = null) => new(layout, problem, null);

    /// <summary>An iterator, so the exception is thrown when the rows are enumerated, not when the property is read.</summary>
    private static IEnumerable<ReturnRow> Rejected(ReturnProblem problem)
    {
        if (problem is not null)
        {
            throw new ReturnReadException(problem);
        }

        yield break;
    }
}
