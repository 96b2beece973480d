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
