using System.Text;

namespace Pmf.Pipeline.Workbooks;

/// <summary>
/// One streaming pass over a .csv before the reader sees it: rejects binary content, files separated by
/// semicolons or tabs, runaway quoted fields and absurdly wide rows, none of which the reader bounds.
/// Semicolon files are rejected rather than read because they come from locales that write decimal
/// commas (<c>85,5</c>), which would otherwise be misread as thousands (855). The separator is the one
/// used the same number of times in most of the first records (outside quotes); ties go to the comma.
/// </summary>
internal static class CsvGuard
{
    private const int RecordsInspectedForSeparator = 20;
    private const int BinarySampleBytes = 8192;
    private const int MinimumSampleForBinaryVerdict = 512;
    private const double MaxControlByteShare = 0.05;

    public static void Check(Stream stream, string fileName)
    {
        var encoding = TextEncoding(stream, out var hasUtf16Bom);
        if (!hasUtf16Bom)
        {
            RejectBinary(stream, fileName);
        }

        stream.Position = 0;
        try
        {
            using var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 65536, leaveOpen: true);
            Scan(reader, fileName);
        }
        finally
        {
            stream.Position = 0;
        }
    }

    /// <summary>UTF-16 when a BOM says so; otherwise Latin-1, which maps bytes one to one and is enough to find separators and quotes.</summary>
    private static Encoding TextEncoding(Stream stream, out bool hasUtf16Bom)
    {
        Span<byte> bom = stackalloc byte[2];
        stream.Position = 0;
        var read = stream.ReadAtLeast(bom, 2, throwOnEndOfStream: false);
        stream.Position = 0;
        hasUtf16Bom = read == 2 && ((bom[0] == 0xFF && bom[1] == 0xFE) || (bom[0] == 0xFE && bom[1] == 0xFF));
        return !hasUtf16Bom ? Encoding.Latin1 : bom[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
    }

    private static void RejectBinary(Stream stream, string fileName)
    {
        var sample = new byte[BinarySampleBytes];
        stream.Position = 0;
        var read = stream.ReadAtLeast(sample, sample.Length, throwOnEndOfStream: false);
        if (read >= MinimumSampleForBinaryVerdict && FileSignatures.ControlByteShare(sample.AsSpan(0, read)) > MaxControlByteShare)
        {
            throw WorkbookFailures.BinaryNotCsv(fileName);
        }
    }

    private static void Scan(StreamReader reader, string fileName)
    {
        var scan = new CsvScan(fileName);
        var buffer = new char[65536];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            foreach (var c in buffer.AsSpan(0, read))
            {
                scan.Next(c);
            }
        }

        scan.End();
    }

    /// <summary>The state of the pass: where we are in a record and what separators the first records used.</summary>
    private sealed class CsvScan(string fileName)
    {
        private int _record = 1;
        private int _fieldStartRecord = 1;
        private int _fields = 1;
        private int _fieldLength;
        private bool _atFieldStart = true;
        private bool _inQuotes;
        private bool _quoteInQuotes;
        private bool _recordHasContent;
        private readonly List<(int Commas, int Semicolons, int Tabs)> _inspected = [];
        private int _commas;
        private int _semicolons;
        private int _tabs;

        public void Next(char c)
        {
            if (_inQuotes)
            {
                if (_quoteInQuotes)
                {
                    _quoteInQuotes = false;
                    if (c == '"')
                    {
                        Grow();
                        return;
                    }

                    _inQuotes = false; // the quote closed the field; c is read as unquoted below
                }
                else if (c == '"')
                {
                    _quoteInQuotes = true;
                    return;
                }
                else
                {
                    Grow();
                    return;
                }
            }

            switch (c)
            {
                case '"' when _atFieldStart:
                    _inQuotes = true;
                    _atFieldStart = false;
                    _recordHasContent = true;
                    break;
                case ',':
                    Count(ref _commas);
                    if (++_fields > WorkbookLimits.MaxColumns)
                    {
                        throw WorkbookFailures.CsvTooManyFields(fileName, _record);
                    }

                    StartField();
                    break;
                case '\n':
                    EndRecord();
                    break;
                case '\r':
                    break;
                default:
                    if (c == ';')
                    {
                        Count(ref _semicolons);
                    }
                    else if (c == '\t')
                    {
                        Count(ref _tabs);
                    }
                    else if (!char.IsWhiteSpace(c))
                    {
                        _recordHasContent = true;
                    }

                    _atFieldStart = false;
                    Grow();
                    break;
            }
        }

        public void End()
        {
            if (_recordHasContent && _inspected.Count < RecordsInspectedForSeparator)
            {
                Inspect();
            }

            DecideSeparator();
        }

        private void Grow()
        {
            if (++_fieldLength > WorkbookLimits.MaxCellTextLength)
            {
                throw WorkbookFailures.CsvFieldTooLong(fileName, _fieldStartRecord);
            }
        }

        private void Count(ref int separator)
        {
            if (_inspected.Count < RecordsInspectedForSeparator)
            {
                separator++;
            }
        }

        private void Inspect()
        {
            _inspected.Add((_commas, _semicolons, _tabs));
            (_commas, _semicolons, _tabs) = (0, 0, 0);
        }

        private void StartField()
        {
            _fieldLength = 0;
            _atFieldStart = true;
            _fieldStartRecord = _record;
        }

        private void EndRecord()
        {
            if (_recordHasContent && _inspected.Count < RecordsInspectedForSeparator)
            {
                Inspect();
                if (_inspected.Count == RecordsInspectedForSeparator)
                {
                    DecideSeparator();
                }
            }

            _record++;
            _fields = 1;
            _recordHasContent = false;
            StartField();
        }

        private void DecideSeparator()
        {
            var commas = Consistency(_inspected.Select(r => r.Commas));
            var semicolons = Consistency(_inspected.Select(r => r.Semicolons));
            var tabs = Consistency(_inspected.Select(r => r.Tabs));
            if (semicolons > commas && semicolons >= tabs)
            {
                throw WorkbookFailures.NotCommaSeparated(fileName, ';');
            }

            if (tabs > commas)
            {
                throw WorkbookFailures.NotCommaSeparated(fileName, '\t');
            }
        }

        /// <summary>How many records use a separator the same (most common, non-zero) number of times.</summary>
        private static int Consistency(IEnumerable<int> counts) =>
            counts.Where(n => n > 0).GroupBy(n => n).Select(g => g.Count()).DefaultIfEmpty(0).Max();
    }
}
