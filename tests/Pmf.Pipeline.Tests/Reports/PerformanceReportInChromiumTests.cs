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
}
