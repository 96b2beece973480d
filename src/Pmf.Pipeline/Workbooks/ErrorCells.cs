using System.IO.Compression;
using System.Xml;

namespace Pmf.Pipeline.Workbooks;

/// <summary>
/// The cells of an .xlsx that hold an Excel error value (<c>&lt;c t="e"&gt;</c>: <c>#DIV/0!</c>, <c>#N/A</c>...).
/// ExcelDataReader 3.6 reads such a cell as empty, which would turn a failed formula into a nil return;
/// one streaming pass over each worksheet part finds them so they read as the errors they are.
/// </summary>
internal sealed class ErrorCells
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true };

    // Per sheet (in workbook order): (row << 16 | column) to the error's text, both 1-based and 0-based as Workbook counts them.
    private readonly Dictionary<int, Dictionary<long, string>> _bySheet;

    private ErrorCells(Dictionary<int, Dictionary<long, string>> bySheet) => _bySheet = bySheet;

    /// <summary>No error cells anywhere (and for formats other than .xlsx).</summary>
    public static ErrorCells None { get; } = new([]);

    /// <summary>The error shown in the 1-based <paramref name="row"/> and 0-based <paramref name="column"/> of the sheet at <paramref name="sheetIndex"/>, or null.</summary>
    public string? At(int sheetIndex, int row, int column) =>
        _bySheet.TryGetValue(sheetIndex, out var cells) && cells.TryGetValue(Key(row, column), out var error) ? error : null;

    /// <summary>The rightmost 0-based column of <paramref name="row"/> holding an error, or -1.</summary>
    public int LastColumn(int sheetIndex, int row, int fieldCount)
    {
        if (!_bySheet.TryGetValue(sheetIndex, out var cells))
        {
            return -1;
        }

        for (var column = fieldCount - 1; column >= 0; column--)
        {
            if (cells.ContainsKey(Key(row, column)))
            {
                return column;
            }
        }

        return -1;
    }

    /// <summary>
    /// Reads the workbook's sheet list and each sheet's error cells; the package has passed
    /// <see cref="PackageGuard"/>, so every part is of bounded size. Anything unexpected in the package
    /// leaves the sheet without error cells: the reader proper reports damage in its own words.
    /// </summary>
    public static ErrorCells Find(Stream stream, CancellationToken cancellationToken)
    {
        var bySheet = new Dictionary<int, Dictionary<long, string>>();
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            var parts = SheetParts(zip);
            for (var i = 0; i < parts.Count; i++)
            {
                if (parts[i] is { } part && zip.GetEntry(part) is { } entry && MayHoldErrors(entry, cancellationToken))
                {
                    var cells = Scan(entry, cancellationToken);
                    if (cells.Count > 0)
                    {
                        bySheet[i] = cells;
                    }
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or XmlException)
        {
            // Damage is the reader's to report, with its own sentence.
        }
        finally
        {
            stream.Position = 0;
        }

        return bySheet.Count == 0 ? None : new ErrorCells(bySheet);
    }

    private static long Key(int row, int column) => ((long)row << 16) | (uint)column;

    /// <summary>The worksheet part of each sheet, in workbook order (null for a sheet whose part cannot be found).</summary>
    private static List<string?> SheetParts(ZipArchive zip)
    {
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (zip.GetEntry("xl/_rels/workbook.xml.rels") is { } rels)
        {
            using var reader = XmlReader.Create(rels.Open(), Settings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship" && reader.NamespaceURI == PackageRelationships
                    && reader.GetAttribute("Id") is { } id && reader.GetAttribute("Target") is { } target)
                {
                    targets[id] = target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
                }
            }
        }

        var sheets = new List<string?>();
        if (zip.GetEntry("xl/workbook.xml") is { } workbook)
        {
            using var reader = XmlReader.Create(workbook.Open(), Settings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet" && reader.NamespaceURI == Main)
                {
                    sheets.Add(reader.GetAttribute("id", Relationships) is { } id && targets.TryGetValue(id, out var part) ? part : null);
                }
            }
        }

        return sheets;
    }

    /// <summary>
    /// A byte search for the attribute value <c>"e"</c> (or <c>'e'</c>) of <c>t="e"</c> before any XML is
    /// parsed: most sheets hold no error cell, and inflating a part is far cheaper than parsing it. A chance
    /// match elsewhere only costs the parse.
    /// </summary>
    private static bool MayHoldErrors(ZipArchiveEntry entry, CancellationToken cancellationToken)
    {
        ReadOnlySpan<byte> doubleQuoted = "\"e\""u8;
        ReadOnlySpan<byte> singleQuoted = "'e'"u8;
        using var part = entry.Open();
        var buffer = new byte[65536];
        var kept = 0;
        int read;
        while ((read = part.Read(buffer, kept, buffer.Length - kept)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var span = buffer.AsSpan(0, kept + read);
            if (span.IndexOf(doubleQuoted) >= 0 || span.IndexOf(singleQuoted) >= 0)
            {
                return true;
            }

            // Keep the tail, in case the pattern straddles two reads.
            kept = Math.Min(span.Length, doubleQuoted.Length - 1);
            span[^kept..].CopyTo(buffer);
        }

        return false;
    }

    private static Dictionary<long, string> Scan(ZipArchiveEntry entry, CancellationToken cancellationToken)
    {
        var cells = new Dictionary<long, string>();
        using var reader = XmlReader.Create(entry.Open(), Settings);
        var row = 0;
        var column = -1;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != Main)
            {
                continue;
            }

            if (reader.LocalName == "row")
            {
                cancellationToken.ThrowIfCancellationRequested();
                row = int.TryParse(reader.GetAttribute("r"), out var r) ? r : row + 1;
                column = -1;
            }
            else if (reader.LocalName == "c")
            {
                column = CellColumn(reader.GetAttribute("r")) ?? column + 1;
                if (reader.GetAttribute("t") == "e" && !reader.IsEmptyElement && Value(reader) is { } error)
                {
                    cells[Key(row, column)] = error;
                }
            }
        }

        return cells;
    }

    /// <summary>The text of the cell's <c>&lt;v&gt;</c>, the reader left at the cell's end.</summary>
    private static string? Value(XmlReader reader)
    {
        var depth = reader.Depth;
        string? value = null;
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "v" && reader.NamespaceURI == Main)
            {
                value = reader.ReadElementContentAsString().Trim();
                if (reader.Depth <= depth)
                {
                    break;
                }
            }
        }

        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>The 0-based column of a reference such as <c>C12</c>, or null when there is none.</summary>
    private static int? CellColumn(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var column = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                column = (column * 26) + (c - 'A' + 1);
                letters++;
            }
            else
            {
                break;
            }
        }

        return letters is > 0 and <= 3 ? column - 1 : null;
    }
}
