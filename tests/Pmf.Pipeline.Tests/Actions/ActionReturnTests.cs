using Pmf.Pipeline.Tests.Returns;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Actions;

/// <summary>A return's Actions sheet: progress on delivery-plan actions through the same gate and the same one transaction as the indicators.</summary>
public sealed class ActionReturnTests
{
    private static readonly DateTime January = new(2027, 1, 31, 0, 0, 0, DateTimeKind.Unspecified);

    private static readonly object?[] ActionHeader = ["Action", "Action name", "Status", "% complete", "Commentary", "Revised date", "Reason for revised date", "Completion date"];

    private static byte[] Workbook(object?[]?[]? returnRows, params object?[]?[] actionRows) => ReturnFiles.Workbook(wb =>
    {
        if (returnRows is not null)
        {
            ReturnFiles.Fill(wb.AddWorksheet("Return"), returnRows);
        }

        ReturnFiles.Fill(wb.AddWorksheet("Actions"), [["Period: 2026/27 Q2"], ActionHeader, .. actionRows]);
    });

    private static object?[]?[] ClimateReturn() =>
        [["Indicator", "Period", "Status", "Commentary"], [ActionHarness.ClimateIndicator, "2026/27 Q2", "On track", "Plan on course."]];

    [Fact]
    public async Task Indicators_and_actions_load_in_one_submission_and_each_faulty_action_row_gets_one_sentence()
    {
        await using var harness = await ActionHarness.CreateAsync();
        var file = Workbook(
            ClimateReturn(),
            ["SOD-A01", "Climate Action Plan", "on-track", "60%", "Emissions reported to CEAC.", null, null, null],
            ["SOD-A02", "Biodiversity baseline", "AT RISK", 40, null, null, null, null],
            ["VWH-A01", "Heat pumps", "Complete", 100, "Done.", January, null, null],
            ["SOD-A03", "Didcot Garden Town", "On Track", 50, "On course.", null, null, null],
            ["SOD-AO1", "Typo", "On track", 10, "x", null, null, null],
            [null, "No code", "On track", 10, "Notes only.", null, null, null]);

        var outcome = await harness.DropAndIngestAsync("CLM/q2 return.xlsx", file);

        Assert.Equal(SubmissionVerdict.AcceptedWithWarnings, outcome.Verdict);
        Assert.Equal(3, outcome.Load!.RowsLoaded);
        var issues = outcome.Issues.Where(i => i.Sheet == "Actions").Select(i => (i.RuleId, i.Row)).ToList();
        Assert.Equal([("DQ107", 4), ("DQ105", 5), ("DQ106", 5), ("DQ102", 6), ("DQ101", 7), ("DQ100", 8)], issues.OrderBy(i => i.Row).ThenBy(i => i.RuleId));
        Assert.Contains(outcome.Issues, i => i.RuleId == "DQ105" && i.Message == "VWH-A01 has a revised date of 31 Jan 2027 but no reason for it. Say why the date moved in 'Reason for revised date', and send the file again.");
        Assert.Contains(outcome.Issues, i => i.RuleId == "DQ101" && i.Message.Contains("Did you mean SOD-A01?", StringComparison.Ordinal));
        Assert.Contains(outcome.Issues, i => i.RuleId == "DQ102" && i.Message.StartsWith("SOD-A03 (Didcot Garden Town: deliver the year's programme) is delivered by service COM, not CLM", StringComparison.Ordinal));

        var progress = await harness.QueryAsync<(string Code, string Status, double? Percent, string Rag, string Label, string Period)>(
            "SELECT \"Action code\", \"Status\", \"Percent complete\", \"Delivery RAG\", \"Delivery\", \"Period\" FROM v_action_progress ORDER BY \"Action code\"");
        Assert.Equal([("SOD-A01", "On track", 60d, "Green", "On track", "2026/27 Q2"), ("SOD-A02", "At risk", 40d, "Amber", "At risk", "2026/27 Q2")], progress);
        Assert.Equal(1L, await harness.Warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM fact_result WHERE submission_id = @Id", new { Id = outcome.Load.SubmissionId }));
        var report = await File.ReadAllTextAsync(Path.Combine(harness.Warehouse.FolderPath, "storage", outcome.Reports.Single(r => r.ToString().EndsWith(".csv", StringComparison.Ordinal)).ToString()));
        Assert.Contains("VWH-A01 has a revised date of 31 Jan 2027 but no reason for it.", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workbook_of_actions_alone_loads_and_a_later_update_supersedes_the_earlier_one()
    {
        await using var harness = await ActionHarness.CreateAsync();
        var first = await harness.DropAndIngestAsync("CLM/actions.xlsx", Workbook(null, ["SOD-A01", null, "On track", 50, "Fine.", null, null, null]));
        var second = await harness.DropAndIngestAsync("CLM/actions corrected.xlsx", Workbook(null,
            ["SOD-A01", null, "Off track", 50, "Contractor went into administration.", January, "New contractor procured.", null]));

        Assert.Equal(SubmissionVerdict.Accepted, first.Verdict);
        Assert.Equal(SubmissionVerdict.Accepted, second.Verdict);
        var rows = await harness.QueryAsync<(long Submission, string Status, long Current, long? SupersededBy, string Label)>(
            "SELECT submission_id, status, is_current, superseded_by_submission_id, delivery_label FROM fact_action_progress ORDER BY progress_key");
        Assert.Equal(
            [(first.Load!.SubmissionId, "On track", 0L, second.Load!.SubmissionId, "On track"), (second.Load.SubmissionId, "Off track", 1L, null, "Off track")],
            rows);
        Assert.Equal(["2027-01-31"], await harness.QueryAsync<string>("SELECT \"Revised date\" FROM v_action_progress"));
    }

    [Fact]
    public async Task An_actions_sheet_without_a_status_column_rejects_the_whole_file_indicators_too()
    {
        await using var harness = await ActionHarness.CreateAsync();
        var file = ReturnFiles.Workbook(wb =>
        {
            ReturnFiles.Fill(wb.AddWorksheet("Return"), ClimateReturn());
            ReturnFiles.Fill(wb.AddWorksheet("Actions"), [["Action", "Period", "Commentary"], ["SOD-A01", "2026/27 Q2", "Fine."]]);
        });

        var outcome = await harness.DropAndIngestAsync("CLM/q2.xlsx", file);

        Assert.Equal(SubmissionVerdict.Rejected, outcome.Verdict);
        Assert.Equal("Sheet 'Actions' has no 'Status' column (or 'Delivery status', 'Progress status', 'RAG'), so no row can be read. Add a column headed 'Status', and send the file again.", outcome.Reason);
        Assert.Equal(0L, await harness.Warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM fact_result"));
        Assert.Equal(0L, await harness.Warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM fact_action_progress"));
    }

    [Fact]
    public async Task A_csv_of_actions_is_read_and_complete_needs_its_date_and_every_percent_must_be_0_to_100()
    {
        await using var harness = await ActionHarness.CreateAsync();
        var csv = ReturnFiles.Csv(ReturnFiles.Lines(
            "Action code,Quarter,Delivery status,Percentage complete,Notes,Completed on",
            "SOD-A01,Q2 2026/27,Completed,100,Adopted by Council.,15/09/2026",
            "SOD-A02,2026/27 Q2,On track,120,Survey under way.,",
            "VWH-A01,2026/27 Q2,complete,90,Works finished.,"));

        var outcome = await harness.DropAndIngestAsync("CLM/actions.csv", csv);

        Assert.Equal(SubmissionVerdict.AcceptedWithWarnings, outcome.Verdict);
        Assert.Equal([("DQ104", 3), ("DQ106", 4), ("DQ106", 4)], outcome.Issues.Select(i => (i.RuleId, i.Row!.Value)).OrderBy(i => i.Item2));
        Assert.Equal([("SOD-A01", "Green", "Delivered", "2026-09-15")], await harness.QueryAsync<(string, string, string, string)>(
            "SELECT \"Action code\", \"Delivery RAG\", \"Delivery\", \"Completion date\" FROM v_action_progress"));
    }
}
