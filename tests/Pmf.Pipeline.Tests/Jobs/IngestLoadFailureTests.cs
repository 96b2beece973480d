using System.Text;
using Dapper;
using Pmf.Pipeline.Storage;

namespace Pmf.Pipeline.Tests.Jobs;

// The ingest reads and gates rows on one thread while the load writes them on another (a bounded
// queue between them). A database failure part-way must stop both sides, roll the whole submission
// back and leave the file in returns/ to be tried again.
public sealed class IngestLoadFailureTests
{
    [Fact]
    public async Task A_database_failure_mid_load_is_thrown_rolls_the_submission_back_and_leaves_the_file_waiting()
    {
        await using var harness = await IngestHarness.CreateAsync();
        await using (var connection = await harness.Warehouse.OpenAsync())
        {
            await connection.ExecuteAsync("""
                CREATE TRIGGER fail_mid_load BEFORE INSERT ON fact_result WHEN NEW.result_value = 12345
                BEGIN SELECT RAISE(ABORT, 'the disk is full'); END
                """);
        }

        var before = await harness.CountsAsync();
        // More rows than the queue holds (issues for unknown codes) before the one the database refuses,
        // so the reading side is still running, held back by the full queue, when the load fails.
        var csv = new StringBuilder("Indicator,Period,Value\n");
        for (var i = 1; i <= 3_000; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"NOPE-{i},2026/27 Q1,{i}\n");
        }

        csv.Append("ASH-HOU-01,2026/27 Q1,12345\n");
        for (var i = 1; i <= 3_000; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"NOPE-B{i},2026/27 Q1,{i}\n");
        }

        var error = await Assert.ThrowsAnyAsync<Exception>(() => harness.DropAndIngestAsync("HOU/big.csv", Encoding.UTF8.GetBytes(csv.ToString())));

        Assert.Contains("the disk is full", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await harness.CountsAsync());
        Assert.NotNull(await harness.Store.GetInfoAsync(ReturnPath.Parse("HOU/big.csv").Path!.Stored, CancellationToken.None));
    }
}
