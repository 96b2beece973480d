using Dapper;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Scoring;
using Pmf.Pipeline.Warehouse;
using static Pmf.Pipeline.Tests.Warehouse.LoaderWarehouse;

namespace Pmf.Pipeline.Tests.Warehouse;

public sealed class SubmissionLoaderTests
{
    private static readonly Period Q1 = Period.Quarter(2025, 1);

    private static AcceptedResult[] HousingQ1() =>
    [
        Result("ASH-HOU-01", Q1, 31m, row: 5),
        Result("BRK-HOU-01", Q1, 12m, row: 6, rag: RagStatus.Red) with { Commentary = "Two sites delayed", RemedialAction = "Weekly site meetings" },
        Result("ASH-HOU-04", Q1, null, row: 7, rag: RagStatus.DataOnly) with { IsNilReturn = true, Commentary = "System outage", Target = null },
    ];

    [Fact]
    public async Task A_clean_load_writes_the_submission_and_current_results_with_their_dimension_keys()
    {
        using var w = await CreateAsync();

        var summary = await w.LoadAsync("hash-1", HousingQ1());

        Assert.Equal(new SubmissionLoadSummary(summary.SubmissionId, SubmissionVerdict.Accepted, null, 3, 3, 0, 0, 0, 0), summary);
        await using var connection = await w.Warehouse.OpenAsync();
        var submission = await connection.QuerySingleAsync(
            "SELECT content_hash, source_kind, service_code, file_name, blob_path, sender, verdict, rows_read, rows_loaded, received_at, processed_at FROM submission");
        Assert.Equal("hash-1", (string)submission.content_hash);
        Assert.Equal("Return", (string)submission.source_kind);
        Assert.Equal("HOU", (string)submission.service_code);
        Assert.Equal("returns/HOU/housing-q1.xlsx", (string)submission.blob_path);
        Assert.Equal("Accepted", (string)submission.verdict);
        Assert.Equal(3L, (long)submission.rows_loaded);
        Assert.StartsWith("2025-07-20 08:55:00", (string)submission.received_at);
        var mismatched = await connection.ExecuteScalarAsync<long>(
            """
            SELECT COUNT(*) FROM fact_result r
            INNER JOIN dim_indicator i ON i.indicator_key = r.indicator_key
            WHERE i.indicator_code <> r.indicator_code OR i.council_key <> r.council_key OR i.service_key <> r.service_key OR i.is_current <> 1
            """);
        Assert.Equal(0L, mismatched);
        Assert.Equal(3L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM fact_result WHERE is_current = 1 AND period_key = 202511"));
    }

    [Fact]
    public async Task Every_result_carries_its_lineage_and_what_the_sender_said()
    {
        using var w = await CreateAsync();

        var summary = await w.LoadAsync("hash-1", HousingQ1());

        await using var connection = await w.Warehouse.OpenAsync();
        var red = await connection.QuerySingleAsync(
            "SELECT * FROM fact_result WHERE indicator_code = 'BRK-HOU-01'");
        Assert.Equal(summary.SubmissionId, (long)red.submission_id);
        Assert.Equal("Return", (string)red.sheet_name);
        Assert.Equal(6L, (long)red.row_number);
        Assert.Equal("Red", (string)red.rag);
        Assert.Equal(12L, (long)red.result_value);
        Assert.Equal(30L, (long)red.target_value);
        Assert.Equal(10L, (long)red.tolerance_amount);
        Assert.Equal(1L, (long)red.tolerance_is_percent);
        Assert.Equal("Two sites delayed", (string)red.commentary);
        Assert.Equal("Weekly site meetings", (string)red.remedial_action);
        Assert.StartsWith("2025-07-20 09:00:00", (string)red.loaded_at);
        var nil = await connection.QuerySingleAsync("SELECT * FROM fact_result WHERE indicator_code = 'ASH-HOU-04'");
        Assert.Equal(1L, (long)nil.is_nil_return);
        Assert.Null(nil.result_value);
        Assert.Equal("Data only", (string)nil.rag);
        Assert.Equal("System outage", (string)nil.commentary);
    }

    [Fact]
    public async Task An_indicator_code_in_other_case_is_stored_as_the_catalogue_spells_it()
    {
        using var w = await CreateAsync();

        await w.LoadAsync("hash-1", [Result("ash-hou-01", Q1, 31m)]);

        Assert.Equal("ASH-HOU-01", await w.Warehouse.ScalarAsync<string>("SELECT indicator_code FROM fact_result"));
    }

    [Fact]
    public async Task Issues_are_recorded_with_their_location_and_counted()
    {
        using var w = await CreateAsync();
        QualityIssue[] issues =
        [
            new("DQ010", Severity.Warning, "Commentary is missing for a Red result.", "Return", 6, "Commentary", "", "BRK-HOU-01", "2025/26 Q1"),
            new("DQ004", Severity.Error, "Value is not a number.", "Return", 8, "Value", "lots", "ASH-HOU-02", "2025/26 M01"),
            new("DQ005", Severity.Error, "Value is negative.", "Return", 8, "Numerator", "-3", "ASH-HOU-02", "2025/26 M01"),
            new("DQ006", Severity.Error, "Unknown indicator.", "Return", 9, "Indicator", "XYZ", null, null),
        ];

        var summary = await w.LoadAsync("hash-1", HousingQ1(), issues, SubmissionVerdict.AcceptedWithWarnings);

        Assert.Equal((1, 3, 2), (summary.Warnings, summary.Errors, summary.RowsRejected));
        Assert.Equal(4L, await w.Warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM dq_issue WHERE submission_id = @id", new { id = summary.SubmissionId }));
        Assert.Equal("lots", await w.Warehouse.ScalarAsync<string>("SELECT raw_value FROM dq_issue WHERE rule_id = 'DQ004' AND row_number = 8 AND column_name = 'Value' AND period_code = '2025/26 M01'"));
        Assert.Equal("AcceptedWithWarnings", await w.Warehouse.ScalarAsync<string>("SELECT verdict FROM submission"));
    }

    [Fact]
    public async Task A_return_back_loaded_for_an_old_year_leaves_no_gap_in_the_date_and_period_dimensions()
    {
        using var w = await CreateAsync();
        await w.LoadAsync("hash-1", HousingQ1());

        await w.LoadAsync("hash-2", [Result("ASH-HOU-01", Period.Quarter(2015, 1), 28m)]);

        var first = DateOnly.Parse(await w.Warehouse.ScalarAsync<string>("SELECT MIN(calendar_date) FROM dim_date"), System.Globalization.CultureInfo.InvariantCulture);
        var last = DateOnly.Parse(await w.Warehouse.ScalarAsync<string>("SELECT MAX(calendar_date) FROM dim_date"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(new DateOnly(2014, 4, 1), first); // the year before the old return, for direction of travel
        Assert.True(last >= new DateOnly(2027, 3, 31), $"dim_date ends {last}");
        Assert.Equal(last.DayNumber - first.DayNumber + 1, await w.Warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM dim_date"));
        Assert.Equal(last.Year - first.Year, await w.Warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM dim_period WHERE frequency = 'Annual'"));
    }

    [Fact]
    public async Task Periods_outside_the_catalogue_years_are_added_to_the_calendar_dimensions()
    {
        using var w = await CreateAsync();

        await w.LoadAsync("hash-1", [Result("ASH-HOU-01", Period.Quarter(2030, 2), 31m)]);

        Assert.Equal("2030/31 Q2", await w.Warehouse.ScalarAsync<string>("SELECT p.period_code FROM fact_result r INNER JOIN dim_period p ON p.period_key = r.period_key"));
        Assert.Equal(1L, await w.Warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM dim_date WHERE calendar_date = '2031-03-31'"));
    }

    [Fact]
    public async Task A_rejected_submission_keeps_its_row_and_issues_and_loads_no_results()
    {
        using var w = await CreateAsync();
        QualityIssue[] issues = [new("DQ001", Severity.Error, "No header row with an Indicator column was found in the first 20 rows.")];

        var summary = await w.LoadAsync("hash-1", HousingQ1(), issues, SubmissionVerdict.Rejected);

        Assert.Equal(SubmissionVerdict.Rejected, summary.Verdict);
        Assert.Equal((0, 3, 1), (summary.RowsLoaded, summary.RowsRejected, summary.Errors));
        var counts = await w.Warehouse.CountsAsync();
        Assert.Equal(0, counts["fact_result"]);
        Assert.Equal(1, counts["dq_issue"]);
        Assert.Equal("Rejected", await w.Warehouse.ScalarAsync<string>("SELECT verdict FROM submission"));
    }

    [Fact]
    public async Task A_gate_that_rejects_only_after_streaming_leaves_no_results_behind()
    {
        using var w = await CreateAsync();

        await using (var load = await w.Loader.BeginAsync(Incoming("hash-1"), CancellationToken.None))
        {
            foreach (var result in HousingQ1())
            {
                await load.AddResultAsync(result, CancellationToken.None);
            }

            await load.AddIssueAsync(new QualityIssue("DQ050", Severity.Error, "Every row is for a period in the future."), CancellationToken.None);
            await load.CompleteAsync(new SubmissionOutcome(SubmissionVerdict.Rejected, 3, "Periods in the future"), CancellationToken.None);
        }

        var counts = await w.Warehouse.CountsAsync();
        Assert.Equal((0L, 1L, 1L), (counts["fact_result"], counts["dq_issue"], counts["submission"]));
        Assert.Equal("Periods in the future", await w.Warehouse.ScalarAsync<string>("SELECT verdict_reason FROM submission"));
    }
}
