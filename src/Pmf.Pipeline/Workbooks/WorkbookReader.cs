using System.Text;
using ExcelDataReader;

namespace Pmf.Pipeline.Workbooks;

/// <summary>
/// Opens a file a user handed us (.xlsx, .xlsm, .xls or .csv) as a <see cref="Workbook"/>, or says in one
/// sentence why it cannot: <see cref="WorkbookException"/>. The contents decide the format, so an .xlsx
/// saved with an .xls name still opens; the name only decides whether text is read as CSV.
/// CSV: comma separated, quoted fields; UTF-8 with or without BOM, UTF-16 with a BOM, otherwise Windows-1252,
/// byte by byte, so a UTF-8 file with one stray Windows-1252 byte keeps its other characters and names the
/// record (<see cref="Workbook.MisencodedRecords"/>). An .xlsx cell holding an Excel error reads as a
/// <see cref="WorkbookError"/>, never as empty.
/// Semicolon- or tab-separated files are rejected with <see cref="WorkbookFailure.NotCommaSeparated"/>.
/// </summary>
public static class WorkbookReader
{
    private static readonly string[] ExcelExtensions = [".xlsx", ".xlsm", ".xls"];

    static WorkbookReader()
    {
        // The legacy code pages of .xls and Windows-1252 CSV; the static constructor runs once per process.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>
    /// Opens <paramref name="stream"/>, which holds the whole file named <paramref name="fileName"/>. The stream
    /// stays the caller's to dispose; a forward-only stream is first copied to a temporary file.
    /// </summary>
    public static Workbook Open(Stream stream, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var isCsv = extension == ".csv";
        if (!isCsv && !ExcelExtensions.Contains(extension))
        {
            throw WorkbookFailures.UnsupportedType(fileName, extension);
        }

        var source = SeekableSource.For(stream, cancellationToken);
        try
        {
            return OpenSeekable(source, fileName, isCsv, cancellationToken);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    private static Workbook OpenSeekable(SeekableSource source, string fileName, bool isCsv, CancellationToken cancellationToken)
    {
        var stream = source.Stream;
        if (stream.Length == 0)
        {
            throw WorkbookFailures.Empty(fileName);
        }

        var signature = FileSignatures.Of(stream);
        var configuration = new ExcelReaderConfiguration { LeaveOpen = true, AutodetectSeparators = [','] };
        Func<IExcelDataReader> create;
        WorkbookFormat format;
        var errors = ErrorCells.None;
        CsvText? text = null;
        switch (signature)
        {
            case FileSignature.Zip:
                PackageGuard.Check(stream, fileName);
                errors = ErrorCells.Find(stream, cancellationToken);
                (create, format) = (() => ExcelReaderFactory.CreateOpenXmlReader(stream, configuration), WorkbookFormat.Xlsx);
                break;
            case FileSignature.Compound or FileSignature.RawBiff:
                if (stream.Length > WorkbookLimits.MaxBinaryFileBytes)
                {
                    throw WorkbookFailures.BinaryFileTooLarge(fileName, stream.Length);
                }

                // A compound document may also be an encrypted .xlsx; the factory tells them apart.
                (create, format) = (() => ExcelReaderFactory.CreateReader(stream, configuration), WorkbookFormat.Xls);
                break;
            case FileSignature.Other when isCsv:
                CsvGuard.Check(stream, fileName, cancellationToken);
                text = CsvText.Decode(stream, cancellationToken);
                var csv = text?.Stream ?? stream;
                (create, format) = (() => ExcelReaderFactory.CreateCsvReader(csv, configuration), WorkbookFormat.Csv);
                break;
            default:
                throw FileSignatures.LooksLikeText(stream) ? WorkbookFailures.TextNotWorkbook(fileName) : WorkbookFailures.NotWorkbook(fileName);
        }

        IExcelDataReader? reader = null;
        try
        {
            reader = create();
            format = reader.GetType().Name == "ExcelOpenXmlReader" ? WorkbookFormat.Xlsx : format; // an encrypted .xlsx arrives in a compound document
            var sheets = ListSheets(reader, format, fileName);
            return new Workbook(fileName, format, signature, reader, source, sheets, errors, text);
        }
        catch (Exception ex) when (ReaderFailures.IsFileFault(ex))
        {
            reader?.Dispose();
            text?.Dispose();
            throw ReaderFailures.Translate(ex, fileName, signature);
        }
        catch
        {
            reader?.Dispose();
            text?.Dispose();
            throw;
        }
    }

    private static List<WorkbookSheet> ListSheets(IExcelDataReader reader, WorkbookFormat format, string fileName)
    {
        var sheets = new List<WorkbookSheet>();
        do
        {
            var name = format == WorkbookFormat.Csv ? Path.GetFileNameWithoutExtension(fileName) : reader.Name ?? string.Empty;
            var visible = string.IsNullOrEmpty(reader.VisibleState) || reader.VisibleState.Equals("visible", StringComparison.OrdinalIgnoreCase);
            sheets.Add(new WorkbookSheet(sheets.Count, name, visible));
        }
        while (reader.NextResult());

        reader.Reset();
        return sheets;
    }
}
