using Dapper;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Loading;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Warehouse;
using static Pmf.Pipeline.Tests.Warehouse.LoaderWarehouse;

namespace Pmf.Pipeline.Tests.Warehouse;

public sealed class DuplicateSubmissionTests
{
    private static readonly AcceptedResult[] Results =
    [
        Result("ASH-HOU-01", Period.Quarter(2025, 1), 31m, row: 2),
        Result("BRK-HOU-01", Period.Quarter(2025, 1), 12m, row: 3),
    ];

    private static readonly QualityIssue[] Issues = [new("DQ010", Severity.Warning, "Commentary is missing.", "Return", 3, "Commentary")];

    [Fact]
    public async Task The_same_bytes_again_change_nothing_but_a_duplicate_submission_row_pointing_at_the_original()
    {
        using var w = await CreateAsync();
        var first = await w.LoadAsync("hash-1", Results, Issues, SubmissionVerdict.AcceptedWithWarnings);
        var before = await w.Warehouse.CountsAsync();

        var again = await w.LoadAsync("hash-1", Results, Issues, SubmissionVerdict.AcceptedWithWarnings, fileName: "housing-q1 (1).xlsx");

        Assert.Equal(SubmissionVerdict.Duplicate, again.Verdict);
        Assert.Equal(first.SubmissionId, again.DuplicateOfSubmissionId);
        Assert.Equal(0, again.RowsLoaded);
        var after = await w.Warehouse.CountsAsync();
        Assert.Equal(before["submission"] + 1, after["submission"]);
        // The one other row: the duplicate's short report ("already received") is owed to its sender.
        Assert.Equal(before["sender_feedback"] + 1, after["sender_feedback"]);
        Assert.Equal(before.Where(c => c.Key is not ("submission" or "sender_feedback")), after.Where(c => c.Key is not ("submission" or "sender_feedback")));
        Assert.Equal(first.SubmissionId, await w.Warehouse.ScalarAsync<long>(
            "SELECT duplicate_of_submission_id FROM submission WHERE submission_id = @id AND verdict = 'Duplicate'", new { id = again.SubmissionId }));
        Assert.Equal(2L, await w.Warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM fact_result WHERE is_current = 1 AND submission_id = @id", new { id = first.SubmissionId }));
    }

    [Fact]
    public async Task FindDuplicate_names_the_loaded_original_so_a_job_can_skip_parsing()
    {
        using var w = await CreateAsync();
        var first = await w.LoadAsync("hash-1", Results, fileName: "housing-q1.xlsx");
        await w.LoadAsync("hash-1", Results, fileName: "again.xlsx");

        var original = await w.Loader.FindDuplicateAsync("hash-1", CancellationToken.None);

        Assert.NotNull(original);
        Assert.Equal((first.SubmissionId, "housing-q1.xlsx", SubmissionVerdict.Accepted), (original.SubmissionId, original.FileName, original.Verdict));
        Assert.Equal(Now, original.ProcessedAt);
        Assert.Null(await w.Loader.FindDuplicateAsync("hash-2", CancellationToken.None));
    }

    [Fact]
    public async Task A_duplicate_is_not_even_read()
    {
        using var w = await CreateAsync();
        await w.LoadAsync("hash-1", Results);
        var read = false;

        var summary = await new GatedLoad(w.Warehouse.Database, w.Time).RunAsync(
            Incoming("hash-1"),
            _ =>
            {
                read = true;
                throw new InvalidOperationException("read");
            },
            CancellationToken.None);

        Assert.Equal(SubmissionVerdict.Duplicate, summary.Verdict);
        Assert.NotNull(summary.DuplicateOfSubmissionId);
        Assert.False(read);
    }

    [Fact]
    public async Task Content_that_was_rejected_is_a_duplicate_when_dropped_again()
    {
        using var w = await CreateAsync();
        var first = await w.LoadAsync("hash-1", Results, verdict: SubmissionVerdict.Rejected);

        var again = await w.LoadAsync("hash-1", Results);

        Assert.Equal((SubmissionVerdict.Duplicate, first.SubmissionId), (again.Verdict, again.DuplicateOfSubmissionId));
    }

    [Fact]
    public async Task Content_that_was_rejected_is_loaded_afresh_once_a_catalogue_has_been_loaded_since()
    {
        using var w = await CreateAsync();
        await w.LoadAsync("hash-1", Results, verdict: SubmissionVerdict.Rejected);
        await using (var connection = await w.Warehouse.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE catalogue_load SET loaded_at = @Later", new { Later = Now.UtcDateTime.AddHours(1) });
        }

        Assert.Null(await w.Loader.FindDuplicateAsync("hash-1", CancellationToken.None));
        var again = await w.LoadAsync("hash-1", Results);

        Assert.Equal((SubmissionVerdict.Accepted, 2), (again.Verdict, again.RowsLoaded));
    }
}
