using System.Diagnostics;
using System.Globalization;
using Pmf.Pipeline.Workbooks;

namespace Pmf.Bench;

/// <summary>
/// Rows are streamed: the managed heap a reader holds must not grow as it moves down a very long file.
/// Reads a generated return of N rows (CSV or .xlsx) with the workbook reader and measures the heap,
/// after a full collection, at 10% and at 90% of the rows. Target: under 16 MB of growth. Run alone:
/// the figure is the whole process's heap, so nothing else may run in it.
/// </summary>
internal static class StreamBench
{
    public const long AllowedGrowthBytes = 16 * 1024 * 1024;

    public static long Run(int rows, string format, string work)
    {
        Directory.CreateDirectory(work);
        var input = Path.Combine(work, $"return-{rows}.{format}");
        if (!File.Exists(input))
        {
            var scenario = BenchScenario.Create(rows);
            if (format == "csv")
            {
                LargeReturnGenerator.WriteCsv(input, scenario.Rows());
            }
            else
            {
                LargeReturnGenerator.WriteXlsx(input, scenario.Rows(), rows);
            }
        }

        var clock = Stopwatch.StartNew();
        using var stream = File.OpenRead(input);
        using var workbook = WorkbookReader.Open(stream, Path.GetFileName(input));
        long early = 0;
        long late = 0;
        var count = 0;
        foreach (var row in workbook.ReadRows(workbook.Sheets[0]))
        {
            count++;
            if (count == rows / 10)
            {
                early = GC.GetTotalMemory(forceFullCollection: true);
            }
            else if (count == rows * 9 / 10)
            {
                late = GC.GetTotalMemory(forceFullCollection: true);
            }
        }

        var grown = late - early;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"stream {format,-4} rows={count,9} seconds={clock.Elapsed.TotalSeconds,7:F2} heapGrowthMB(10%->90%)={grown / 1024.0 / 1024.0,6:F1} target<{AllowedGrowthBytes / 1024 / 1024} MB {(grown < AllowedGrowthBytes ? "met" : "NOT MET")}"));
        return grown;
    }
}
