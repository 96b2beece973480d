using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Returns;
using Pmf.Pipeline.Tests.Quality;
using Pmf.Pipeline.Warehouse;
using static Pmf.Pipeline.Tests.Warehouse.LoaderWarehouse;

namespace Pmf.Pipeline.Tests.Warehouse;

public sealed class SubmissionAtomicityTests
{
    private static readonly Period Q1 = Period.Quarter(2025, 1);

    [Fact]
    public async Task An_unknown_indicator_in_the_middle_of_a_file_rolls_the_whole_submission_back()
    {
        using var w = await CreateAsync();
        await w.LoadAsync("hash-0", [Result("ASH-HOU-01", Q1, 20m)]);
        var before = await w.Warehouse.CountsAsync();

        var error = await Assert.ThrowsAsync<WarehouseException>(() => w.LoadAsync(
            "hash-1",
            [Result("ASH-HOU-01", Q1, 31m, row: 2), Result("NOPE-99", Q1, 1m, row: 3), Result("BRK-HOU-01", Q1, 5m, row: 4)],
            [new QualityIssue("DQ010", Severity.Warning, "A warning")]));

        Assert.Contains("row 3", error.Message);
        Assert.Contains("NOPE-99", error.Message);
        Assert.Equal(before, await w.Warehouse.CountsAsync());
        Assert.Equal(20L, await w.Warehouse.ScalarAsync<long>("SELECT result_value FROM fact_result WHERE is_current = 1"));
    }

    [Fact]
    public async Task Cancelling_part_way_through_the_results_keeps_nothing_of_the_submission()
    {
        using var w = await CreateAsync();
        var before = await w.Warehouse.CountsAsync();
        using var cancel = new CancellationTokenSource();

        IEnumerable<AcceptedResult> Results()
        {
            for (var row = 2; row < 100; row++)
            {
                if (row == 50)
                {
                    cancel.Cancel();
                }

                yield return Result("ASH-HOU-02", Period.Month(2025, 1 + (row % 12)), row, row);
            }
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => w.LoadAsync("hash-1", Results(), cancellationToken: cancel.Token));

        Assert.Equal(before, await w.Warehouse.CountsAsync());
    }

    [Fact]
    public async Task A_return_whose_reading_fails_part_way_through_the_gate_keeps_nothing_and_the_failure_is_thrown()
    {
        using var w = await CreateAsync();
        var before = await w.Warehouse.CountsAsync();

        static IEnumerable<ReturnRow> Failing()
        {
            yield return Some.Row("ASH-HOU-01", "2025/26 Q1", "31", row: 2);
            yield return Some.Row("ASH-HOU-02", "2025/26 Q1", "12", row: 3);
            throw new IOException("The blob went away");
        }

        var error = await Assert.ThrowsAsync<IOException>(() => w.GateAndLoadAsync("hash-1", Failing()));

        Assert.Equal("The blob went away", error.Message);
        Assert.Equal(before, await w.Warehouse.CountsAsync()); // every table: no submission, result, issue or report owed
    }

    [Fact]
    public async Task A_return_through_the_gate_commits_its_rows_and_its_report_owed_together()
    {
        using var w = await CreateAsync();

        var loaded = await w.GateAndLoadAsync("hash-1", [Some.Row("ASH-HOU-01", "2025/26 Q1", "31", row: 2), Some.Row("NOPE-99", "2025/26 Q1", "1", row: 3)]);

        Assert.Equal(SubmissionVerdict.AcceptedWithWarnings, loaded.Verdict);
        Assert.Equal((2, 1, 1), (loaded.RowsRead, loaded.RowsLoaded, loaded.RowsRejected));
        Assert.Equal(1L, await w.Warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM fact_result"));
        Assert.Equal(loaded.SubmissionId, await w.Warehouse.ScalarAsync<long>("SELECT submission_id FROM sender_feedback WHERE sent_at IS NULL"));
    }

    [Fact]
    public async Task A_load_whose_step_failed_cannot_be_completed_and_rolls_back_on_dispose()
    {
        using var w = await CreateAsync();
        var before = await w.Warehouse.CountsAsync();

        await using (var load = await w.Loader.BeginAsync(Incoming("hash-1"), CancellationToken.None))
        {
            await load.AddResultAsync(Result("ASH-HOU-01", Q1, 31m), CancellationToken.None);
            await Assert.ThrowsAsync<WarehouseException>(() => load.AddResultAsync(Result("NOPE-99", Q1, 1m, row: 3), CancellationToken.None));

            await Assert.ThrowsAsync<InvalidOperationException>(() => load.CompleteAsync(new SubmissionOutcome(SubmissionVerdict.Accepted, 1), CancellationToken.None));
        }

        Assert.Equal(before, await w.Warehouse.CountsAsync());
    }

    [Fact]
    public async Task A_load_disposed_without_completing_leaves_the_warehouse_as_it_was()
    {
        using var w = await CreateAsync();
        var before = await w.Warehouse.CountsAsync();

        await using (var load = await w.Loader.BeginAsync(Incoming("hash-1"), CancellationToken.None))
        {
            await load.AddResultAsync(Result("ASH-HOU-01", Q1, 31m), CancellationToken.None);
        }

        Assert.Equal(before, await w.Warehouse.CountsAsync());
    }

    [Fact]
    public async Task A_returns_report_is_owed_by_the_same_commit_as_its_verdict_and_a_pulls_is_not()
    {
        using var w = await CreateAsync();

        var loaded = await w.LoadAsync("hash-1", [Result("ASH-HOU-01", Q1, 31m)]);
        await using (var pull = await w.Loader.BeginAsync(Incoming("hash-2") with { SourceKind = SubmissionSourceKind.Pull, Sender = "revenues-db" }, CancellationToken.None))
        {
            await pull.CompleteAsync(new SubmissionOutcome(SubmissionVerdict.Accepted, 0), CancellationToken.None);
        }

        // Nothing but the load ran: no job, no later step. The owed row came with the verdict.
        Assert.Equal(1L, await w.Warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM sender_feedback WHERE sent_at IS NULL"));
        Assert.Equal(loaded.SubmissionId, await w.Warehouse.ScalarAsync<long>("SELECT submission_id FROM sender_feedback"));
    }

    [Fact]
    public async Task A_load_rolled_back_owes_no_report()
    {
        using var w = await CreateAsync();

        await using (var load = await w.Loader.BeginAsync(Incoming("hash-1"), CancellationToken.None))
        {
            await load.AddResultAsync(Result("ASH-HOU-01", Q1, 31m), CancellationToken.None);
        }

        Assert.Equal(0L, await w.Warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM sender_feedback"));
    }
}
