using System.Text.Json;
using ClosedXML.Excel;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Templates;
using Pmf.Pipeline.Tests.Actions;
using Pmf.Pipeline.Tests.Support;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Templates;

/// <summary>
/// A service that owes updates on delivery-plan actions but no indicator figures (Democratic Services, which delivers
/// South's live-streaming action) gets a template holding only its Actions sheet, which comes back through the gate.
/// </summary>
public sealed class ActionsOnlyTemplateTests
{
    private static readonly Period Q2 = Period.Quarter(2026, 2);

    [Fact]
    public async Task A_service_owing_only_action_updates_gets_an_actions_sheet_alone_that_loads_when_filled_in()
    {
        await using var harness = await ActionHarness.CreateAsync(ActionHarness.WithDemocraticServices);
        var template = (await new TemplateQuery(harness.Warehouse.Database).BuildAsync("DEM", Q2, CancellationToken.None))!;

        Assert.Empty(template.Lines);
        Assert.Equal(["SOD-A04"], template.Actions.Select(a => a.Code));
        Assert.False(template.OwesNothing);
        // The one due-date rule: 10 working days after the quarter, in England (South Oxfordshire's nation).
        Assert.Equal(new DateOnly(2026, 10, 14), template.DueBy);
        Assert.Equal(ReturnDueDate.For(Q2, WorkingDayCalendar.DefaultDueWorkingDays, Nation.England), template.DueBy);

        using var workbook = new XLWorkbook(new MemoryStream(TemplateWorkbook.ToBytes(template)));
        Assert.Equal(["Actions"], workbook.Worksheets.Select(w => w.Name));
        var sheet = workbook.Worksheet("Actions");
        var words = string.Join("\n", sheet.Column(1).CellsUsed().Select(c => c.GetString()));
        Assert.Contains("Democratic Services owes no indicator figures for 2026/27 Q2, only these action updates", words, StringComparison.Ordinal);
        Assert.Contains("Please return it by 14 October 2026", words, StringComparison.Ordinal);
        Assert.Contains("returns/DEM/", words, StringComparison.Ordinal);
        var header = sheet.RowsUsed().First(r => r.Cell(1).GetString() == "Action").RowNumber();
        Assert.True(sheet.Cell(header + 1, 1).Style.Protection.Locked);
        Assert.True(sheet.IsProtected);

        sheet.Cell(header + 1, 4).Value = "On track";
        sheet.Cell(header + 1, 5).Value = 60;
        sheet.Cell(header + 1, 6).Value = "Equipment installed in the chamber in August.";
        using var filled = new MemoryStream();
        workbook.SaveAs(filled);
        var outcome = await harness.DropAndIngestAsync($"DEM/{template.FileName}", filled.ToArray());

        Assert.True(outcome.Issues.Count == 0, string.Join("\n", outcome.Issues.Select(i => $"{i.RuleId} {i.Sheet} row {i.Row}: {i.Message}")));
        Assert.Equal(SubmissionVerdict.Accepted, outcome.Verdict);
        Assert.Equal([("SOD-A04", "On track", "2026/27 Q2")],
            await harness.QueryAsync<(string, string, string)>("SELECT \"Action code\", \"Status\", \"Period\" FROM v_action_progress"));
    }

    [Fact]
    public async Task Action_updates_are_asked_for_each_quarter_so_a_month_that_ends_no_quarter_has_no_actions_sheet()
    {
        await using var harness = await ActionHarness.CreateAsync(ActionHarness.WithDemocraticServices);
        var query = new TemplateQuery(harness.Warehouse.Database);

        var may = (await query.BuildAsync("DEM", Period.Month(2026, 2), CancellationToken.None))!;
        var june = (await query.BuildAsync("DEM", Period.Month(2026, 3), CancellationToken.None))!;

        Assert.True(may.OwesNothing);
        Assert.Equal(["SOD-A04"], june.Actions.Select(a => a.Code));
        Assert.Equal(ReturnDueDate.For(Period.Quarter(2026, 1), WorkingDayCalendar.DefaultDueWorkingDays, Nation.England), june.DueBy);
    }

    [Fact]
    public async Task Pmf_template_writes_the_actions_only_template_and_lists_it_with_all()
    {
        using var folder = new TempFolder();
        var connection = $"Data Source={folder.File("w.db")}";
        var catalogue = folder.File("catalogue.xlsx");
        CatalogueWorkbookWriter.Write(ActionHarness.WithDemocraticServices, catalogue);
        Assert.Equal(0, (await CliRun.RunAsync("catalogue", "load", catalogue, "--connection", connection)).ExitCode);

        var (exit, output) = await CliRun.RunAsync("template", "--service", "DEM", "--period", "2026/27 Q2", "--out", folder.Path, "--connection", connection);

        Assert.True(exit == 0, output);
        var path = folder.File("DEM 2026-27 Q2 return.xlsx");
        using (var workbook = new XLWorkbook(path))
        {
            Assert.Equal(["Actions"], workbook.Worksheets.Select(w => w.Name));
        }

        var (all, json) = await CliRun.RunAsync("template", "--all", "--period", "2026/27 Q2", "--out", folder.File("all"), "--connection", connection, "--json");

        Assert.True(all == 0, json);
        using var document = JsonDocument.Parse(json);
        var dem = document.RootElement.EnumerateArray().Single(s => s.GetProperty("service").GetString() == "DEM");
        Assert.Equal(0, dem.GetProperty("rows").GetInt32());
        Assert.Equal(1, dem.GetProperty("actions").GetInt32());
        Assert.True(File.Exists(folder.File("all/DEM 2026-27 Q2 return.xlsx")));

        var (nothing, why) = await CliRun.RunAsync("template", "--service", "DEM", "--period", "2026/27 M02", "--connection", connection);

        Assert.Equal(2, nothing);
        Assert.Contains("DEM owes nothing for 2026/27 M02", why, StringComparison.Ordinal);
    }
}
