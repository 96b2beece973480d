using Dapper;
using Pmf.Pipeline.Calendar;
using static Pmf.Pipeline.Tests.Warehouse.LoaderWarehouse;

namespace Pmf.Pipeline.Tests.Warehouse;

public sealed class SupersessionTests
{
    private static readonly Period Q1 = Period.Quarter(2025, 1);

    [Fact]
    public async Task A_correction_supersedes_indicator_by_indicator_and_the_earlier_values_stay_as_history()
    {
        using var w = await CreateAsync();
        var first = await w.LoadAsync("hash-1", [Result("ASH-HOU-01", Q1, 31m), Result("BRK-HOU-01", Q1, 12m), Result("ASH-HOU-04", Q1, 60m)]);

        var correction = await w.LoadAsync("hash-2", [Result("ASH-HOU-01", Q1, 33m), Result("BRK-HOU-01", Q1, 14m)], fileName: "housing-q1-v2.xlsx");

        Assert.Equal(2, correction.ResultsSuperseded);
        Assert.Equal(
            [("ASH-HOU-01", 33m, correction.SubmissionId), ("ASH-HOU-04", 60m, first.SubmissionId), ("BRK-HOU-01", 14m, correction.SubmissionId)],
            await CurrentAsync(w));
        await using var connection = await w.Warehouse.OpenAsync();
        var history = (await connection.QueryAsync<(string Code, decimal Value, long SupersededBy)>(
            "SELECT indicator_code, result_value, superseded_by_submission_id FROM fact_result WHERE is_current = 0 ORDER BY indicator_code")).ToList();
        Assert.Equal([("ASH-HOU-01", 31m, correction.SubmissionId), ("BRK-HOU-01", 12m, correction.SubmissionId)], history);
    }

    [Fact]
    public async Task A_second_correction_supersedes_the_first_and_the_original_keeps_who_replaced_it()
    {
        using var w = await CreateAsync();
        await w.LoadAsync("hash-1", [Result("ASH-HOU-01", Q1, 31m)]);
        var second = await w.LoadAsync("hash-2", [Result("ASH-HOU-01", Q1, 32m)]);

        var third = await w.LoadAsync("hash-3", [Result("ASH-HOU-01", Q1, 33m)]);

        Assert.Equal([("ASH-HOU-01", 33m, third.SubmissionId)], await CurrentAsync(w));
        await using var connection = await w.Warehouse.OpenAsync();
        var history = await connection.QueryAsync<(decimal, long)>(
            "SELECT result_value, superseded_by_submission_id FROM fact_result WHERE is_current = 0 ORDER BY result_value");
        Assert.Equal([(31m, second.SubmissionId), (32m, third.SubmissionId)], history);
    }

    [Fact]
    public async Task A_correction_for_another_period_leaves_the_first_period_current()
    {
        using var w = await CreateAsync();
        await w.LoadAsync("hash-1", [Result("ASH-HOU-01", Q1, 31m)]);

        var q2 = await w.LoadAsync("hash-2", [Result("ASH-HOU-01", Period.Quarter(2025, 2), 29m)]);

        Assert.Equal(0, q2.ResultsSuperseded);
        Assert.Equal(2L, await w.Warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM fact_result WHERE is_current = 1"));
    }

    [Fact]
    public async Task A_file_that_gives_the_same_indicator_and_period_twice_keeps_its_later_row_current()
    {
        using var w = await CreateAsync();

        var summary = await w.LoadAsync("hash-1", [Result("ASH-HOU-01", Q1, 31m, row: 2), Result("ASH-HOU-01", Q1, 35m, row: 9)]);

        Assert.Equal([("ASH-HOU-01", 35m, summary.SubmissionId)], await CurrentAsync(w));
        Assert.Equal(summary.SubmissionId, await w.Warehouse.ScalarAsync<long>("SELECT superseded_by_submission_id FROM fact_result WHERE row_number = 2"));
    }

    private static async Task<List<(string Code, decimal Value, long SubmissionId)>> CurrentAsync(LoaderWarehouse w)
    {
        await using var connection = await w.Warehouse.OpenAsync();
        return [.. await connection.QueryAsync<(string, decimal, long)>(
            "SELECT indicator_code, result_value, submission_id FROM fact_result WHERE is_current = 1 ORDER BY indicator_code, period_key")];
    }
}
