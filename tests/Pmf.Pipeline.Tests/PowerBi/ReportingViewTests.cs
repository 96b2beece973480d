using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.PowerBi;

namespace Pmf.Pipeline.Tests.PowerBi;

public sealed class ReportingViewTests(ReportingWarehouse warehouse) : IClassFixture<ReportingWarehouse>
{
    [Fact]
    public async Task Due_dates_counted_in_dim_date_match_the_working_day_calendar_for_every_period()
    {
        var rows = await warehouse.Harness.QueryAsync<(long PeriodKey, string PeriodCode, long DueWorkingDays, string DueDate)>("""
            SELECT d.period_key, p.period_code, d.due_working_days, d.due_date
            FROM v_due_date AS d INNER JOIN dim_period AS p ON p.period_key = d.period_key
            WHERE p.end_date < (SELECT date(MAX(calendar_date), '-40 days') FROM dim_date)
            """);

        Assert.True(rows.Count > 50, $"only {rows.Count} due dates to check");
        foreach (var row in rows)
        {
            var period = PeriodParser.Parse(row.PeriodCode).Period!;
            var expected = WorkingDayCalendar.EnglandAndWales.DueDate(period, (int)row.DueWorkingDays);
            Assert.True(expected.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) == row.DueDate, $"{row.PeriodCode} + {row.DueWorkingDays} working days: view says {row.DueDate}, calendar says {expected:yyyy-MM-dd}");
        }
    }

    [Fact]
    public async Task The_result_view_holds_exactly_the_current_results_with_the_warehouse_RAG_and_direction()
    {
        var mismatches = await warehouse.Harness.QueryAsync<long>("""
            SELECT COUNT(*) FROM fact_result AS r
            WHERE r.is_current = 1 AND NOT EXISTS (
                SELECT 1 FROM v_result AS v
                WHERE v."Result key" = r.result_key AND v."RAG" = r.rag
                  AND COALESCE(v."Direction vs previous", '-') = COALESCE(r.direction_vs_previous, '-'))
            """);
        var viewRows = await warehouse.Harness.QueryAsync<long>("SELECT COUNT(*) FROM v_result");
        var current = await warehouse.Harness.QueryAsync<long>("SELECT COUNT(*) FROM fact_result WHERE is_current = 1");

        Assert.Equal(0, mismatches.Single());
        Assert.Equal(current.Single(), viewRows.Single());
    }

    [Fact]
    public async Task Every_result_from_a_return_names_its_file_sheet_row_and_sender()
    {
        var rows = await warehouse.Harness.QueryAsync<(string? File, string? Sheet, long? Row, string? Sender)>(
            "SELECT \"File\", \"Sheet\", \"Row\", \"Sender\" FROM v_result");

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r.File) || r.Row is null or < 1 || string.IsNullOrEmpty(r.Sender), $"lineage missing: {r}"));
        Assert.Contains(rows, r => r.Sheet is not null);
    }

    [Fact]
    public async Task Results_and_submissions_are_on_time_or_late_against_their_due_dates()
    {
        var results = await warehouse.Harness.QueryAsync<(string Timeliness, string DueDate, string FirstReceived)>(
            "SELECT \"Timeliness\", \"Due date\", \"First received date\" FROM v_result");
        var submissions = await warehouse.Harness.QueryAsync<string>("SELECT \"Timeliness\" FROM v_submission");

        Assert.All(results, r => Assert.Equal(string.CompareOrdinal(r.FirstReceived, r.DueDate) <= 0 ? "On time" : "Late", r.Timeliness));
        Assert.Contains(results, r => r.Timeliness == "Late"); // the sample's back years arrive in November
        Assert.Contains(submissions, t => t == "Late");
        Assert.Contains(submissions, t => t == "No results"); // the rejected and duplicate files
    }

    [Fact]
    public async Task The_CSV_extracts_hold_every_row_of_every_view()
    {
        foreach (var table in PmfModel.Tables)
        {
            var rows = (await warehouse.Harness.QueryAsync<long>($"SELECT COUNT(*) FROM {table.View}")).Single();
            var lines = File.ReadAllLines(Path.Combine(warehouse.OutputFolder, PowerBiProjectWriter.ExtractsFolder, table.View + ".csv"));

            Assert.Equal(rows, warehouse.Project.ExtractRows[table.View]);
            Assert.Equal(string.Join(",", warehouse.Views[table.View].Select(c => c.Name.Contains(',', StringComparison.Ordinal) ? $"\"{c.Name}\"" : c.Name)), lines[0]);
            Assert.True(lines.Length >= rows + 1, $"{table.View}.csv has {lines.Length} lines for {rows} rows");
        }
    }

    [Theory]
    [InlineData("2026-07-14 10:05:00.123", TmdlDataType.DateTime, "2026-07-14 10:05:00")]
    [InlineData("2026-06-30", TmdlDataType.DateTime, "2026-06-30")]
    [InlineData(1234.5d, TmdlDataType.Double, "1234.5")]
    [InlineData(42L, TmdlDataType.Int64, "42")]
    [InlineData("Apr-Jun 2026", TmdlDataType.String, "Apr-Jun 2026")]
    public void Extract_values_are_written_invariantly_with_ISO_dates(object value, string dataType, string expected)
    {
        Assert.Equal(expected, ViewExtracts.Text(value, dataType));
    }
}
