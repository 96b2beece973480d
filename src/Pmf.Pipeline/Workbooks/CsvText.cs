using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Pmf.Pipeline.Workbooks;

/// <summary>
/// The text of a .csv without a UTF-16 byte-order mark, decoded so that nothing typed is lost: UTF-8 where
/// the bytes are UTF-8, and each byte that is not (what Notepad's "ANSI" or Excel's plain "CSV" write for
/// £, é or ’) as Windows-1252. A file that is all UTF-8 is left as it is. Otherwise the reader gets a UTF-8
/// copy, and when the file mixed both (a UTF-8 file with a stray Windows-1252 character: the reader would
/// otherwise read every character of it as Windows-1252) <see cref="MixedRecords"/> names the records that
/// held the stray bytes, for a warning.
/// </summary>
internal sealed class CsvText : IDisposable
{
    /// <summary>Records named in <see cref="MixedRecords"/> at most; the count says how many more.</summary>
    public const int MaxRecordsNamed = 20;

    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private CsvText(FileStream copy, IReadOnlyList<int> mixedRecords, int mixedRecordCount)
    {
        Stream = copy;
        MixedRecords = mixedRecords;
        MixedRecordCount = mixedRecordCount;
    }

    /// <summary>The decoded file as UTF-8 with a byte-order mark, positioned at its start.</summary>
    public Stream Stream { get; }

    /// <summary>The first records (1-based, as the rows are numbered) that held bytes read as Windows-1252 in a file that is otherwise UTF-8.</summary>
    public IReadOnlyList<int> MixedRecords { get; }

    /// <summary>How many records held such bytes.</summary>
    public int MixedRecordCount { get; }

    /// <summary>Null when <paramref name="stream"/> is UTF-8 throughout (or UTF-16); otherwise the decoded copy.</summary>
    public static CsvText? Decode(Stream stream, CancellationToken cancellationToken)
    {
        Span<byte> start = stackalloc byte[2];
        stream.Position = 0;
        if (stream.ReadAtLeast(start, 2, throwOnEndOfStream: false) == 2 && (start is [0xFF, 0xFE] || start is [0xFE, 0xFF]))
        {
            stream.Position = 0;
            return null; // UTF-16, by its byte-order mark: the reader decodes it
        }

        stream.Position = 0;
        var scan = Scan(stream, output: null, cancellationToken);
        if (scan.StrayBytes == 0)
        {
            stream.Position = 0;
            return null;
        }

        var copy = new FileStream(
            Path.Combine(Path.GetTempPath(), "pmf-" + Guid.NewGuid().ToString("N")),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 81920, FileOptions.DeleteOnClose);
        try
        {
            copy.Write(Utf8Bom);
            stream.Position = 0;
            Scan(stream, copy, cancellationToken);
            copy.Position = 0;
            stream.Position = 0;
            // A byte-order mark or any UTF-8 character says the file is meant as UTF-8: the stray bytes are worth a word.
            var mixed = scan.ValidMultiByte > 0 || scan.HadBom;
            return new CsvText(copy, mixed ? scan.Records : [], mixed ? scan.RecordCount : 0);
        }
        catch
        {
            copy.Dispose();
            throw;
        }
    }

    public void Dispose() => Stream.Dispose();

    /// <summary>One pass: decodes, counts what is not UTF-8 and where, and writes UTF-8 to <paramref name="output"/> when given.</summary>
    private static ScanResult Scan(Stream stream, Stream? output, CancellationToken cancellationToken)
    {
        var windows1252 = Encoding.GetEncoding(1252);
        var result = new ScanResult();
        var input = ArrayPool<byte>.Shared.Rent(65536);
        var chars = ArrayPool<char>.Shared.Rent(65536 + 4);
        var bytes = ArrayPool<byte>.Shared.Rent((65536 + 4) * 3);
        try
        {
            var carried = 0;
            var first = true;
            int read;
            while ((read = stream.Read(input, carried, 65536 - carried)) > 0 || carried > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var length = carried + read;
                var final = read == 0;
                var span = input.AsSpan(0, length);
                if (first && span.StartsWith(Utf8Bom))
                {
                    span = span[Utf8Bom.Length..];
                    result.HadBom = true;
                }

                first = false;
                var written = 0;
                while (span.Length > 0)
                {
                    var status = Utf8.ToUtf16(span, chars.AsSpan(written), out var used, out var made, replaceInvalidSequences: false, isFinalBlock: final);
                    result.Count(chars.AsSpan(written, made));
                    written += made;
                    span = span[used..];
                    if (status == OperationStatus.InvalidData)
                    {
                        // One byte that is not UTF-8: read as Windows-1252, and the decoding goes on after it.
                        written += windows1252.GetChars(span[..1], chars.AsSpan(written));
                        result.Stray(chars[written - 1]);
                        span = span[1..];
                    }
                    else if (status == OperationStatus.NeedMoreData)
                    {
                        break;
                    }
                }

                span.CopyTo(input);
                carried = span.Length;
                if (output is not null)
                {
                    output.Write(bytes, 0, Encoding.UTF8.GetBytes(chars, 0, written, bytes, 0));
                }

                if (final)
                {
                    break;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(input);
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<byte>.Shared.Return(bytes);
        }

        return result;
    }

    /// <summary>What one pass found; records are counted as RFC 4180 does (a line break inside quotes stays in the record).</summary>
    private sealed class ScanResult
    {
        private bool _inQuotes;
        private int _record = 1;
        private int _lastStrayRecord;

        public bool HadBom { get; set; }

        public long StrayBytes { get; private set; }

        public long ValidMultiByte { get; private set; }

        public List<int> Records { get; } = [];

        public int RecordCount { get; private set; }

        public void Count(ReadOnlySpan<char> decoded)
        {
            foreach (var c in decoded)
            {
                Next(c);
                if (c > '\u007F')
                {
                    ValidMultiByte++;
                }
            }
        }

        public void Stray(char c)
        {
            StrayBytes++;
            if (_lastStrayRecord != _record)
            {
                _lastStrayRecord = _record;
                RecordCount++;
                if (Records.Count < MaxRecordsNamed)
                {
                    Records.Add(_record);
                }
            }

            Next(c);
        }

        private void Next(char c)
        {
            if (c == '"')
            {
                _inQuotes = !_inQuotes;
            }
            else if (c == '\n' && !_inQuotes)
            {
                _record++;
            }
        }
    }
}
