using System.Globalization;
using System.Text;
using Pmf.Pipeline.Returns;

namespace Pmf.Pipeline.Tests.Returns;

/// <summary>A return's rows are streamed: the memory held does not grow with the number of rows read.</summary>
[Collection(MemoryMeasurements.Name)]
public sealed class ReturnStreamingTests : IDisposable
{
    private const int Rows = 200_000;
    // Buffering the 160,000 rows between the two measurements would hold well over 20 MB; streaming holds a few kB.
    private const long AllowedGrowthBytes = 4 * 1024 * 1024;
    private readonly string _directory = Directory.CreateTempSubdirectory("pmf-return-streaming-").FullName;

    [Fact]
    public void A_200k_row_csv_return_is_read_in_flat_memory()
    {
        var path = Path.Combine(_directory, "big.csv");
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(true)))
        {
            writer.Write("Housing return\r\nPeriod: 2025/26 Q1\r\n\r\nIndicator,Value,Commentary\r\n");
            for (var i = 1; i <= Rows; i++)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"IND-{i % 500:000},{i}.5,\"row {i}, fine\"\r\n"));
            }
        }

        AssertFlatMemory(path, firstDataRow: 5);
    }

    [Fact]
    public void A_200k_row_xlsx_return_is_read_in_flat_memory()
    {
        var path = Path.Combine(_directory, "big.xlsx");
        using (var file = File.Create(path))
        {
            RawXlsx.Write(file, ReturnCorpus.LongSheet(Rows + 1));
        }

        AssertFlatMemory(path, firstDataRow: 2);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static void AssertFlatMemory(string path, int firstDataRow)
    {
        using var stream = File.OpenRead(path);
        using var result = ReturnReader.Read(stream, Path.GetFileName(path));
        Assert.False(result.IsRejected, result.Problem?.Message);
        long early = 0;
        long late = 0;
        var count = 0;
        foreach (var row in result.Rows)
        {
            Assert.Equal(firstDataRow + count, row.RowNumber);
            count++;
            if (count == Rows / 10)
            {
                early = GC.GetTotalMemory(forceFullCollection: true);
            }
            else if (count == Rows * 9 / 10)
            {
                late = GC.GetTotalMemory(forceFullCollection: true);
            }
        }

        Assert.Equal(Rows, count);
                Assert.True(late - early < AllowedGrowthBytes, $"memory held grew by {(late - early) / 1024} kB between 10% and 90% of the rows");
    }
}
