using System.Buffers.Binary;
using System.Text;

namespace Pmf.Pipeline.Tests.Workbooks;

/// <summary>
/// Writes a minimal Excel 97-2003 workbook (BIFF8 records in an OLE compound file), since no tool here
/// saves .xls. Strings are LABEL records, numbers NUMBER, booleans BOOLERR; three cell formats are
/// available: General, 0% (built-in 9) and a date (built-in 14). Only for tests: no SST, fonts or styles.
/// </summary>
internal static class XlsWriter
{
    private const int SectorSize = 512;
    private const int MiniStreamCutoff = 4096;
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint FatSector = 0xFFFFFFFD;
    private const uint Free = 0xFFFFFFFF;
    private const ushort General = 0;
    private const ushort Percent = 1;
    private const ushort Date = 2;

    public static byte[] Write(IEnumerable<(string Name, IReadOnlyList<object?[]> Rows)> sheets) => Compound(Biff(sheets.ToList()));

    /// <summary>A cell value written with the 0% format.</summary>
    public sealed record PercentValue(double Value);

    private static byte[] Biff(List<(string Name, IReadOnlyList<object?[]> Rows)> sheets)
    {
        var sheetStreams = sheets.Select(s => Sheet(s.Rows)).ToList();
        var globalsWithoutSheets = new MemoryStream();
        Record(globalsWithoutSheets, 0x0809, Bof(0x0005));
        Record(globalsWithoutSheets, 0x0042, BitConverter.GetBytes((ushort)1200)); // CODEPAGE: UTF-16
        foreach (var format in new ushort[] { 0, 9, 14 })
        {
            var xf = new byte[20];
            BinaryPrimitives.WriteUInt16LittleEndian(xf.AsSpan(2), format);
            Record(globalsWithoutSheets, 0x00E0, xf);
        }

        var boundSheetSizes = sheets.Sum(s => 4 + 8 + (2 * s.Name.Length));
        var offset = (int)globalsWithoutSheets.Length + boundSheetSizes + 4; // + EOF
        var workbook = new MemoryStream();
        globalsWithoutSheets.Position = 0;
        globalsWithoutSheets.CopyTo(workbook);
        for (var i = 0; i < sheets.Count; i++)
        {
            var boundSheet = new byte[8 + (2 * sheets[i].Name.Length)];
            BinaryPrimitives.WriteUInt32LittleEndian(boundSheet, (uint)offset);
            boundSheet[6] = (byte)sheets[i].Name.Length;
            boundSheet[7] = 1; // UTF-16
            Encoding.Unicode.GetBytes(sheets[i].Name).CopyTo(boundSheet, 8);
            Record(workbook, 0x0085, boundSheet);
            offset += sheetStreams[i].Length;
        }

        Record(workbook, 0x000A, []);
        foreach (var sheet in sheetStreams)
        {
            workbook.Write(sheet);
        }

        // Streams shorter than the cutoff would belong in the mini stream; padding after the last EOF is never read.
        workbook.SetLength(Math.Max(workbook.Length, MiniStreamCutoff));
        return workbook.ToArray();
    }

    private static byte[] Sheet(IReadOnlyList<object?[]> rows)
    {
        var sheet = new MemoryStream();
        Record(sheet, 0x0809, Bof(0x0010));
        var dimensions = new byte[14];
        BinaryPrimitives.WriteUInt32LittleEndian(dimensions, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(dimensions.AsSpan(4), (uint)rows.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(dimensions.AsSpan(10), (ushort)rows.Select(r => r.Length).DefaultIfEmpty(0).Max());
        Record(sheet, 0x0200, dimensions);
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                Cell(sheet, r, c, rows[r][c]);
            }
        }

        Record(sheet, 0x000A, []);
        return sheet.ToArray();
    }

    private static void Cell(MemoryStream sheet, int row, int column, object? value)
    {
        byte[] Head(int size, ushort xf)
        {
            var data = new byte[size];
            BinaryPrimitives.WriteUInt16LittleEndian(data, (ushort)row);
            BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(2), (ushort)column);
            BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(4), xf);
            return data;
        }

        switch (value)
        {
            case null:
                return;
            case string text:
                var label = Head(9 + (2 * text.Length), General);
                BinaryPrimitives.WriteUInt16LittleEndian(label.AsSpan(6), (ushort)text.Length);
                label[8] = 1; // UTF-16
                Encoding.Unicode.GetBytes(text).CopyTo(label, 9);
                Record(sheet, 0x0204, label);
                return;
            case bool flag:
                var boolErr = Head(8, General);
                boolErr[6] = flag ? (byte)1 : (byte)0;
                Record(sheet, 0x0205, boolErr);
                return;
            case DateTime date:
                Record(sheet, 0x0203, Number(Head(14, Date), date.ToOADate()));
                return;
            case PercentValue percent:
                Record(sheet, 0x0203, Number(Head(14, Percent), percent.Value));
                return;
            default:
                Record(sheet, 0x0203, Number(Head(14, General), Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)));
                return;
        }
    }

    private static byte[] Number(byte[] head, double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(head.AsSpan(6), value);
        return head;
    }

    private static byte[] Bof(ushort type)
    {
        var bof = new byte[16];
        BinaryPrimitives.WriteUInt16LittleEndian(bof, 0x0600);
        BinaryPrimitives.WriteUInt16LittleEndian(bof.AsSpan(2), type);
        BinaryPrimitives.WriteUInt16LittleEndian(bof.AsSpan(4), 0x0DBB);
        BinaryPrimitives.WriteUInt16LittleEndian(bof.AsSpan(6), 0x07CC);
        BinaryPrimitives.WriteUInt32LittleEndian(bof.AsSpan(12), 0x06);
        return bof;
    }

    private static void Record(Stream stream, ushort id, byte[] data)
    {
        Span<byte> header = stackalloc byte[4];
        BinaryPrimitives.WriteUInt16LittleEndian(header, id);
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], (ushort)data.Length);
        stream.Write(header);
        stream.Write(data);
    }

    /// <summary>Wraps the workbook stream in a version 3 compound file: stream sectors, one directory sector, then the FAT.</summary>
    private static byte[] Compound(byte[] workbook)
    {
        var streamSectors = (workbook.Length + SectorSize - 1) / SectorSize;
        var fatSectors = 1;
        while ((fatSectors * SectorSize / 4) < streamSectors + 1 + fatSectors)
        {
            fatSectors++;
        }

        var directorySector = streamSectors;
        var file = new byte[SectorSize * (1 + streamSectors + 1 + fatSectors)];
        var header = file.AsSpan(0, SectorSize);
        BinaryPrimitives.WriteUInt64LittleEndian(header, 0xE11AB1A1E011CFD0);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x18..], 0x003E);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1A..], 0x0003);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1C..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1E..], 9);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x20..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x2C..], (uint)fatSectors);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x30..], (uint)directorySector);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x38..], MiniStreamCutoff);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x3C..], EndOfChain);
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x44..], EndOfChain);
        for (var i = 0; i < 109; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header[(0x4C + (4 * i))..], i < fatSectors ? (uint)(directorySector + 1 + i) : Free);
        }

        Span<byte> Sector(int index) => file.AsSpan(SectorSize * (index + 1), SectorSize);

        workbook.CopyTo(file, SectorSize);
        var directory = Sector(directorySector);
        DirectoryEntry(directory[..128], "Root Entry", type: 5, child: 1, start: EndOfChain, size: 0);
        DirectoryEntry(directory[128..256], "Workbook", type: 2, child: Free, start: 0, size: (uint)workbook.Length);
        DirectoryEntry(directory[256..384], string.Empty, type: 0, child: Free, start: 0, size: 0);
        DirectoryEntry(directory[384..], string.Empty, type: 0, child: Free, start: 0, size: 0);

        var fat = Enumerable.Repeat(Free, fatSectors * SectorSize / 4).ToArray();
        for (var i = 0; i < streamSectors; i++)
        {
            fat[i] = i == streamSectors - 1 ? EndOfChain : (uint)(i + 1);
        }

        fat[directorySector] = EndOfChain;
        for (var i = 0; i < fatSectors; i++)
        {
            fat[directorySector + 1 + i] = FatSector;
        }

        for (var i = 0; i < fat.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(SectorSize * (directorySector + 2) + (4 * i)), fat[i]);
        }

        return file;
    }

    private static void DirectoryEntry(Span<byte> entry, string name, byte type, uint child, uint start, uint size)
    {
        if (name.Length > 0)
        {
            Encoding.Unicode.GetBytes(name).CopyTo(entry);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[0x40..], (ushort)((name.Length + 1) * 2));
        }

        entry[0x42] = type;
        entry[0x43] = 1; // black
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x44..], Free);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x48..], Free);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x4C..], child);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x74..], start);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[0x78..], size);
    }
}
