using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.Reports;

[Collection(PerformanceReportCollection.Name)]
public sealed class ReportCommandTests(PerformanceWarehouse warehouse)
{
    [Theory]
    [InlineData("report", "--period", "2026/27 Q2", "--council", "NOPE", "There is no council 'NOPE' in the warehouse; pass one of ASH, BRK to --council")]
    [InlineData("report", "--period", "Q9 2026", "--council", "ASH", "--period: 'Q9 2026' names quarter 9")]
    [InlineData("report", "--period", "Sep 2026", "--council", "ASH", "is not a quarter; pass a quarter such as 2026/27 Q1, or add --annual")]
    [InlineData("export", "--period", "2026/27 Q2", "--council", "NOPE", "There is no council 'NOPE' in the warehouse")]
    [InlineData("export", "--period", "last quarter", "--council", "ASH", "is not a period this pipeline recognises")]
    public async Task An_unknown_period_or_council_exits_with_two_and_one_sentence_saying_what_to_do(
        string command, string periodOption, string period, string councilOption, string council, string expected)
    {
        using var output = new TempFolder();

        var (exit, console) = await CliRun.RunAsync(command, periodOption, period, councilOption, council, "--out", output.Path, "--connection", warehouse.ConnectionString);

        Assert.Equal(2, exit);
        Assert.Contains(expected, console.ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", console, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(output.Path));
    }

    [Fact]
    public async Task Without_a_council_the_report_writes_one_page_per_council()
    {
        using var output = new TempFolder();

        var (exit, console) = await CliRun.RunAsync("report", "--period", "2025/26", "--annual", "--out", output.Path, "--connection", warehouse.ConnectionString);

        Assert.True(exit == 0, console);
        Assert.Equal(["ASH 2025-26 annual review.html", "BRK 2025-26 annual review.html"], Directory.GetFiles(output.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
