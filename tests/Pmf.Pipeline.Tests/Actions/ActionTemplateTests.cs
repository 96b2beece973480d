using ClosedXML.Excel;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Templates;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Actions;

/// <summary>A service's template lists the actions it owes an update on; filled in, it loads through the gate without an issue.</summary>
public sealed class ActionTemplateTests
{
    private static readonly Period Q2 = Period.Quarter(2026, 2);

    [Fact]
    public async Task The_template_lists_the_services_actions_with_their_milestones_and_comes_back_filled_in_without_an_issue()
    {
        await using var harness = await ActionHarness.CreateAsync();
        var template = (await new TemplateQuery(harness.Warehouse.Database).BuildAsync("CLM", Q2, CancellationToken.None))!;

        Assert.Equal(["SOD-A01", "SOD-A02", "VWH-A01"], template.Actions.Select(a => a.Code));
        Assert.Equal(
            [new TemplateMilestone("Emissions for the last year reported to CEAC", new DateOnly(2026, 7, 31)), new TemplateMilestone("Climate Action Plan update adopted", new DateOnly(2026, 12, 31))],
            template.Actions[0].Milestones);

        using var workbook = new XLWorkbook(new MemoryStream(TemplateWorkbook.ToBytes(template)));
        var sheet = workbook.Worksheet("Actions");
        var header = sheet.RowsUsed().First(r => r.Cell(1).GetString() == "Action").RowNumber();
        Assert.Equal("SOD-A01", sheet.Cell(header + 1, 1).GetString());
        Assert.Contains("Emissions for the last year reported to CEAC (31 Jul 2026)", sheet.Cell(header + 1, 3).GetString(), StringComparison.Ordinal);
        Assert.True(sheet.Cell(header + 1, 1).Style.Protection.Locked);
        Assert.False(sheet.Cell(header + 1, 4).Style.Protection.Locked);
        sheet.Cell(header + 1, 4).Value = "On track";
        sheet.Cell(header + 1, 5).Value = 45;
        sheet.Cell(header + 1, 6).Value = "Emissions reported to CEAC in July.";
        sheet.Cell(header + 2, 4).Value = "Complete";
        sheet.Cell(header + 2, 5).Value = 100;
        sheet.Cell(header + 2, 6).Value = "Baseline published.";
        sheet.Cell(header + 2, 9).Value = new DateTime(2026, 9, 15, 0, 0, 0, DateTimeKind.Unspecified);
        // VWH-A01 left as it came: no update, so nothing is recorded for it and no issue raised.
        // The indicators are sent in another file: the Return sheet goes back with its header and no rows.
        var ret = workbook.Worksheet(TemplateWorkbook.SheetName);
        var returnHeader = ret.RowsUsed().First(r => r.Cell(1).GetString() == "Indicator").RowNumber();
        ret.Rows(returnHeader + 1, ret.LastRowUsed()!.RowNumber()).Delete();

        using var filled = new MemoryStream();
        workbook.SaveAs(filled);
        var outcome = await harness.DropAndIngestAsync($"CLM/{template.FileName}", filled.ToArray());

        Assert.True(outcome.Issues.Count == 0, string.Join("\n", outcome.Issues.Select(i => $"{i.RuleId} {i.Sheet} row {i.Row} {i.Column}: {i.Message}")));
        Assert.Equal(SubmissionVerdict.Accepted, outcome.Verdict);
        Assert.Equal(
            [("SOD-A01", "On track"), ("SOD-A02", "Complete")],
            await harness.QueryAsync<(string, string)>("SELECT \"Action code\", \"Status\" FROM v_action_progress ORDER BY \"Action code\""));
    }
}
