using Pmf.Pipeline.Samples;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Jobs;

public sealed class IngestReturnJobTests
{
    [Fact]
    public async Task A_clean_return_is_loaded_with_its_lineage_and_moved_to_processed_with_reports()
    {
        await using var harness = await IngestHarness.CreateAsync();
        var file = IngestHarness.CleanHousingReturn();

        var outcome = await harness.DropAndIngestAsync(file);

        Assert.True(outcome.Verdict is SubmissionVerdict.Accepted or SubmissionVerdict.AcceptedWithWarnings, outcome.Reason);
        Assert.Equal(file.Lines.Count, outcome.Load!.RowsLoaded);
        Assert.Equal(StorageContainers.Processed, outcome.MovedTo!.Container);
        Assert.Equal(3, outcome.Reports.Count);
        foreach (var report in outcome.Reports)
        {
            Assert.NotNull(await harness.Store.GetInfoAsync(report, CancellationToken.None));
        }

        Assert.Null(await harness.Store.GetInfoAsync(ReturnPath.Parse(file.ReturnPath).Path!.Stored, CancellationToken.None));
        var lineage = await harness.QueryAsync<(string File, string Sheet, long Row, string Sender)>(
            """
            SELECT s.file_name, r.sheet_name, r.row_number, s.sender
            FROM fact_result r JOIN submission s ON s.submission_id = r.submission_id
            WHERE r.is_current = 1 ORDER BY r.row_number
            """);
        Assert.Equal(file.Lines.Count, lineage.Count);
        Assert.All(lineage, l => Assert.Equal(file.FileName, l.File));
        Assert.All(lineage, l => Assert.Equal("Return", l.Sheet));
        Assert.All(lineage, l => Assert.Equal("priya.shah@ashbyvale-brookmere.gov.uk", l.Sender));
        // the title block takes rows 1-3 and a blank row 4; the header is row 5
        Assert.Equal(6L, lineage[0].Row);
    }

    [Fact]
    public async Task The_same_bytes_dropped_twice_are_one_submission_and_change_nothing()
    {
        await using var harness = await IngestHarness.CreateAsync();
        var file = IngestHarness.CleanHousingReturn();
        var bytes = Pipeline.Samples.SampleReturnWriter.ToBytes(file);
        await harness.DropAndIngestAsync(file.ReturnPath, bytes);
        var before = await harness.CountsAsync();

        var again = await harness.DropAndIngestAsync(file.ReturnPath, bytes);

        Assert.Equal(SubmissionVerdict.Duplicate, again.Verdict);
        var after = await harness.CountsAsync();
        Assert.Equal(before["fact_result"], after["fact_result"]);
        Assert.Equal(before["dq_issue"], after["dq_issue"]);
        Assert.Equal(StorageContainers.Processed, again.MovedTo!.Container);
    }

    [Fact]
    public async Task A_corrected_file_supersedes_indicator_by_indicator_and_keeps_the_earlier_values_as_history()
    {
        await using var harness = await IngestHarness.CreateAsync();
        var original = IngestHarness.CleanHousingReturn();
        await harness.DropAndIngestAsync(original);
        var corrected = original with
        {
            FileName = "HOU Q1 corrected.xlsx",
            Lines = [original.Lines.First(l => l.Indicator == "ASH-HOU-01") with { Value = 41m, Numerator = null, Denominator = null }],
        };

        var outcome = await harness.DropAndIngestAsync(corrected);

        Assert.NotEqual(SubmissionVerdict.Rejected, outcome.Verdict);
        var current = await harness.QueryAsync<CurrentRow>(
            "SELECT indicator_code AS Code, CAST(result_value AS REAL) AS Value, submission_id AS Submission FROM fact_result WHERE is_current = 1 AND indicator_code IN ('ASH-HOU-01', 'ASH-HOU-04')");
        Assert.Contains(current, c => c.Code == "ASH-HOU-01" && c.Value == 41m && c.Submission == outcome.Load!.SubmissionId);
        Assert.Contains(current, c => c.Code == "ASH-HOU-04" && c.Submission != outcome.Load!.SubmissionId);
        var history = await harness.QueryAsync<long>(
            "SELECT superseded_by_submission_id FROM fact_result WHERE indicator_code = 'ASH-HOU-01' AND is_current = 0");
        Assert.Equal([outcome.Load!.SubmissionId], history);
    }

    [Fact]
    public async Task A_return_in_a_folder_that_is_not_a_service_is_rejected_with_a_report_and_loads_nothing()
    {
        await using var harness = await IngestHarness.CreateAsync();
        var file = IngestHarness.CleanHousingReturn() with { ServiceCode = "XYZ" };

        var outcome = await harness.DropAndIngestAsync(file);

        Assert.Equal(SubmissionVerdict.Rejected, outcome.Verdict);
        Assert.Contains("XYZ", outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(StorageContainers.Rejected, outcome.MovedTo!.Container);
        Assert.Equal(0L, (await harness.CountsAsync())["fact_result"]);
    }

    [Fact]
    public async Task Rows_with_errors_are_rejected_one_by_one_and_each_issue_names_its_row_and_column()
    {
        await using var harness = await IngestHarness.CreateAsync();
        var clean = IngestHarness.CleanHousingReturn();
        var spoiled = clean with
        {
            FileName = "HOU spoiled.xlsx",
            Lines = [.. clean.Lines.Select((l, i) => i == 0 ? l with { Value = "=HYPERLINK(\"http://x\")", Numerator = null, Denominator = null } : l)],
        };

        var outcome = await harness.DropAndIngestAsync(spoiled);

        Assert.NotEqual(SubmissionVerdict.Rejected, outcome.Verdict);
        Assert.Equal(clean.Lines.Count - 1, outcome.Load!.RowsLoaded);
        var issue = Assert.Single(await harness.QueryAsync<(string Rule, long Row, string Column, string Raw)>(
            "SELECT rule_id, row_number, column_name, raw_value FROM dq_issue WHERE severity = 'Error'"));
        Assert.Equal(6L, issue.Row);
        Assert.Equal("Value", issue.Column);
        Assert.Equal("=HYPERLINK(\"http://x\")", issue.Raw);
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook_is_rejected_and_the_warehouse_keeps_what_it_had()
    {
        await using var harness = await IngestHarness.CreateAsync();
        await harness.DropAndIngestAsync(IngestHarness.CleanHousingReturn());
        var before = await harness.CountsAsync();

        var outcome = await harness.DropAndIngestAsync("HOU/q2.xlsx", "this is not a workbook"u8.ToArray());

        Assert.Equal(SubmissionVerdict.Rejected, outcome.Verdict);
        Assert.Contains("not", outcome.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(StorageContainers.Rejected, outcome.MovedTo!.Container);
        var after = await harness.CountsAsync();
        Assert.Equal(before["fact_result"], after["fact_result"]);
        Assert.Equal(before["submission"] + 1, after["submission"]);
    }

    [Fact]
    public async Task Every_sample_return_of_the_demo_gets_a_verdict_and_none_stays_waiting()
    {
        await using var harness = await IngestHarness.CreateAsync();

        var verdicts = new List<(string Story, SubmissionVerdict Verdict)>();
        foreach (var file in SampleReturns.Create(IngestHarness.Framework, new DateOnly(2026, 11, 23)))
        {
            verdicts.Add((file.Story, (await harness.DropAndIngestAsync(file)).Verdict));
        }

        Assert.Empty(await harness.Store.ListWaitingAsync(CancellationToken.None));
        Assert.Contains(verdicts, v => v.Story == "the same file dropped twice" && v.Verdict == SubmissionVerdict.Duplicate);
        Assert.Contains(verdicts, v => v.Story == "file with errors" && v.Verdict == SubmissionVerdict.AcceptedWithWarnings);
        Assert.Contains(verdicts, v => v.Story == ".xls workbook" && v.Verdict != SubmissionVerdict.Rejected);
        Assert.Contains(verdicts, v => v.Story == "CSV export" && v.Verdict != SubmissionVerdict.Rejected);
        Assert.Contains(verdicts, v => v.Story == "period stated above the header" && v.Verdict != SubmissionVerdict.Rejected);
    }

    public sealed class CurrentRow
    {
        public string Code { get; init; } = "";

        public decimal Value { get; init; }

        public long Submission { get; init; }
    }
}
