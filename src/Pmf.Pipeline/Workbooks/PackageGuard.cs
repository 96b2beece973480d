using System.IO.Compression;

namespace Pmf.Pipeline.Workbooks;

/// <summary>
/// Checks an .xlsx package's declared part sizes before the reader unpacks it. .NET never inflates a zip
/// entry beyond its declared size, so these sizes bound what a zip bomb can make the reader hold or parse.
/// A package with two entries of one name (part names are case-insensitive) is refused: readers differ
/// on which one wins, so what the sender sees in Excel and what the pipeline reads could differ.
/// </summary>
internal static class PackageGuard
{
    /// <summary>
    /// Streams <paramref name="entry"/> once, in 64 kB pieces, and refuses it when more than
    /// <see cref="WorkbookLimits.MaxMarkupRunBytes"/> bytes pass without a <c>&lt;</c>. XML allows no
    /// <c>&lt;</c> inside text or an attribute value, so such a run is one cell, string or tag far beyond
    /// what Excel writes: the reader would build it whole in memory (a 500 MB string costs 2 GB) before
    /// any per-cell check could see it. Costs one inflate of the part, no memory.
    /// </summary>
    private static void CheckRuns(ZipArchiveEntry entry, string fileName)
    {
        using var part = entry.Open();
        var buffer = new byte[64 * 1024];
        long run = 0;
        int read;
        while ((read = part.Read(buffer)) > 0)
        {
            var rest = buffer.AsSpan(0, read);
            for (var next = rest.IndexOf((byte)'<'); next >= 0; next = rest.IndexOf((byte)'<'))
            {
                if (run + next > WorkbookLimits.MaxMarkupRunBytes)
                {
                    throw WorkbookFailures.RunTooLong(fileName, entry.FullName, WorkbookLimits.MaxMarkupRunBytes);
                }

                run = 0;
                rest = rest[(next + 1)..];
            }

            run += rest.Length;
            if (run > WorkbookLimits.MaxMarkupRunBytes)
            {
                throw WorkbookFailures.RunTooLong(fileName, entry.FullName, WorkbookLimits.MaxMarkupRunBytes);
            }
        }
    }

    public static void Check(Stream stream, string fileName)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > WorkbookLimits.MaxPackageEntries)
            {
                throw WorkbookFailures.PackageTooLarge(fileName, WorkbookLimits.MaxPackageBytes);
            }

            long total = 0;
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in zip.Entries)
            {
                if (!names.Add(entry.FullName.Replace('\\', '/').TrimStart('/')))
                {
                    throw WorkbookFailures.RepeatedPart(fileName, entry.FullName);
                }

                var isWorksheet = entry.FullName.Replace('\\', '/').Contains("worksheets/", StringComparison.OrdinalIgnoreCase);
                var limit = isWorksheet ? WorkbookLimits.MaxWorksheetPartBytes : WorkbookLimits.MaxOtherPartBytes;
                if (entry.Length > limit)
                {
                    throw WorkbookFailures.PartTooLarge(fileName, entry.FullName, entry.Length, limit);
                }

                total += entry.Length;
                if (total > WorkbookLimits.MaxPackageBytes)
                {
                    throw WorkbookFailures.PackageTooLarge(fileName, WorkbookLimits.MaxPackageBytes);
                }
            }

            foreach (var entry in zip.Entries.Where(e => e.Length > WorkbookLimits.MaxMarkupRunBytes))
            {
                CheckRuns(entry, fileName);
            }
        }
        catch (InvalidDataException ex)
        {
            throw WorkbookFailures.Damaged(fileName, ex);
        }
        finally
        {
            stream.Position = 0;
        }
    }
}
