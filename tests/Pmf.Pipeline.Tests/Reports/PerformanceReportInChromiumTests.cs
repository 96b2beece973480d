using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.Reports;

[Collection(PerformanceReportCollection.Name)]
public sealed class PerformanceReportInChromiumTests(PerformanceWarehouse warehouse, ChromiumFixture chromium)
{
    /// <summary>
    /// Where the screenshot and the A4 PDF of the rendered report are kept after the run, for a person to look at:
    /// tests/Pmf.Pipeline.Tests/bin/&lt;configuration&gt;/net10.0/artefacts/reports/.
    /// </summary>
    public static string ArtefactFolder => Path.Combine(AppContext.BaseDirectory, "artefacts", "reports");

    [Fact]
    public async Task The_quarterly_report_loads_in_Chromium_with_no_errors_or_requests_and_shows_the_warehouse_RAG_counts_and_hostile_text_as_text()
    {
        using var output = new TempFolder();
        var (exit, console) = await CliRun.RunAsync(
            "report", "--period", PerformanceWarehouse.Quarter, "--council", "ASH", "--out", output.Path, "--connection", warehouse.ConnectionString);
        Assert.True(exit == 0, console);
        var page = Assert.Single(Directory.GetFiles(output.Path, "*.html"));

        var rendered = await chromium.RenderAsync(page, Path.Combine(ArtefactFolder, Path.GetFileNameWithoutExtension(page)));

        Assert.True(rendered.Ok, "the page did not load");
        Assert.Empty(rendered.Console);
        Assert.Empty(rendered.Requests);
        Assert.Equal(0, rendered.Scripts);
        Assert.StartsWith("Ashby Vale District Council: Quarterly performance report, 2026/27 Q2", rendered.Title, StringComparison.Ordinal);

        var expected = await PerformanceExpectations.RagCountsAsync(warehouse, "ASH", new DateOnly(2026, 9, 30));
        var shown = rendered.Cells.Where(c => c.Priority.Length > 0 && c.Rag != "Total")
            .ToDictionary(c => (c.Priority, c.Rag), c => int.Parse(c.Text, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(expected.Values.Sum() > 15, "the fixture should report a good number of indicators");
        Assert.Equal(expected.Keys.Select(k => k.Priority).Distinct().Order(), shown.Keys.Select(k => k.Priority).Distinct().Order());
        foreach (var (key, count) in shown)
        {
            Assert.True(expected.GetValueOrDefault(key) == count, $"{key.Priority} {key.Rag}: page shows {count}, warehouse has {expected.GetValueOrDefault(key)}");
        }

        Assert.Equal(expected.Values.Sum(), int.Parse(rendered.Cells.Single(c => c.Priority.Length == 0 && c.Rag == "Total").Text, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(PerformanceWarehouse.HostileCommentary, rendered.Text, StringComparison.Ordinal);
        Assert.Contains(PerformanceWarehouse.HostileAction, rendered.Text, StringComparison.Ordinal);

        var pdf = await File.ReadAllBytesAsync(Path.Combine(ArtefactFolder, Path.GetFileNameWithoutExtension(page) + ".pdf"));
        Assert.True(pdf.AsSpan().StartsWith("%PDF"u8), "Chromium printed no PDF");
        Assert.True(File.Exists(Path.Combine(ArtefactFolder, Path.GetFileNameWithoutExtension(page) + ".png")));
    }

    [Fact]
    public async Task At_phone_width_nothing_overlaps_or_scrolls_sideways_and_body_text_is_at_least_16px()
    {
        var (page, rendered) = await RenderReportAsync();

        Assert.True(rendered.Phone.Overlaps.Count == 0, string.Join("\n", rendered.Phone.Overlaps));
        Assert.True(rendered.Phone.Overflow <= 0, $"the page is {rendered.Phone.Overflow} px wider than a 390 px phone");
        Assert.True(rendered.Desktop.Overlaps.Count == 0, string.Join("\n", rendered.Desktop.Overlaps));
        Assert.True(rendered.Desktop.MinTextPx >= 16, $"the smallest body text is {rendered.Desktop.MinTextPx} px");
        Assert.True(rendered.Phone.MinTextPx >= 14, $"the smallest body text at phone width is {rendered.Phone.MinTextPx} px");
        Assert.True(File.Exists(Path.Combine(ArtefactFolder, Path.GetFileNameWithoutExtension(page) + "-phone.png")));
    }

    [Fact]
    public async Task Printed_it_is_A4_with_page_numbers_and_the_title_on_every_page_and_a_full_first_page()
    {
        var (page, _) = await RenderReportAsync();

        var printed = PrintedPdf.Read(Path.Combine(ArtefactFolder, Path.GetFileNameWithoutExtension(page) + ".pdf"));

        Assert.True(printed.Pages.Count > 1, "the report should run to several pages");
        foreach (var (sheet, index) in printed.Pages.Select((p, i) => (p, i + 1)))
        {
            Assert.True(sheet.IsA4Portrait, $"page {index} is {sheet.Width:0} x {sheet.Height:0} pt, not A4 (595 x 842)");
            Assert.Contains($"Page {index} of {printed.Pages.Count}", sheet.Text, StringComparison.Ordinal);
            Assert.Contains("Ashby Vale District Council: Quarterly performance report", sheet.Text, StringComparison.Ordinal);
        }

        Assert.True(printed.Pages[0].BodyFilled > 0.5, $"page 1 is filled to {printed.Pages[0].BodyFilled:P0} of its height");
    }

    private async Task<(string Page, RenderedPage Rendered)> RenderReportAsync()
    {
        using var output = new TempFolder();
        var (exit, console) = await CliRun.RunAsync(
            "report", "--period", PerformanceWarehouse.Quarter, "--council", "ASH", "--out", output.Path, "--connection", warehouse.ConnectionString);
        Assert.True(exit == 0, console);
        var page = Assert.Single(Directory.GetFiles(output.Path, "*.html"));
        var name = Path.GetFileNameWithoutExtension(page) + " (layout)";
        var rendered = await chromium.RenderAsync(page, Path.Combine(ArtefactFolder, name));
        Assert.True(rendered.Ok, "the page did not load");
        return (name + ".html", rendered);
    }
}
