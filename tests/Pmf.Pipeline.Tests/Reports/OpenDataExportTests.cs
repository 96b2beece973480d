using System.Globalization;
using System.Text;
using System.Text.Json;
using Pmf.Pipeline.Reports;
using Pmf.Pipeline.Tests.Servers;
using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.Reports;

[Collection(PerformanceReportCollection.Name)]
public sealed class OpenDataExportTests(PerformanceWarehouse warehouse)
{
    private async Task<(string Csv, JsonDocument Json)> ExportAsync(TempFolder output, params string[] extra)
    {
        var (exit, console) = await CliRun.RunAsync(
            ["export", "--period", PerformanceWarehouse.Quarter, "--out", output.Path, "--connection", warehouse.ConnectionString, .. extra]);
        Assert.True(exit == 0, console);
        var csv = await File.ReadAllBytesAsync(Assert.Single(Directory.GetFiles(output.Path, "pmf-results*.csv")));
        Assert.True(csv.AsSpan().StartsWith(Encoding.UTF8.Preamble), "the CSV starts with a UTF-8 byte-order mark for Excel");
        var json = JsonDocument.Parse(await File.ReadAllBytesAsync(Assert.Single(Directory.GetFiles(output.Path, "pmf-results*.json"))));
        return (Encoding.UTF8.GetString(csv.AsSpan(Encoding.UTF8.Preamble.Length)), json);
    }

    [Fact]
    public async Task The_export_holds_exactly_the_current_results_of_the_quarter_and_its_months_and_no_superseded_value()
    {
        using var output = new TempFolder();

        var (csv, json) = await ExportAsync(output);

        var published = (await warehouse.Harness.QueryAsync<long>("""
            SELECT COUNT(*) FROM fact_result r JOIN dim_period p ON p.period_key = r.period_key
            WHERE r.is_current = 1 AND p.start_date >= '2026-07-01' AND p.end_date <= '2026-09-30'
            """)).Single();
        var superseded = (await warehouse.Harness.QueryAsync<long>("""
            SELECT COUNT(*) FROM fact_result r JOIN dim_period p ON p.period_key = r.period_key
            WHERE r.is_current = 0 AND p.start_date >= '2026-07-01' AND p.end_date <= '2026-09-30'
            """)).Single();
        Assert.True(superseded > 0, "the hostile correction superseded a value in the quarter");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', OpenDataColumns.All.Select(c => c.Name)), lines[0]);
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(published, results.Count);
        Assert.Equal(published, json.RootElement.GetProperty("count").GetInt64());
        Assert.Equal(OpenDataExport.Schema, json.RootElement.GetProperty("schema").GetString());
        var periods = results.Select(r => r.GetProperty("period").GetString()).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["2026/27 M04", "2026/27 M05", "2026/27 M06", "2026/27 Q2"], periods);
        var corrected = Assert.Single(results, r => r.GetProperty("indicator_code").GetString() == PerformanceWarehouse.HostileIndicator);
        Assert.Equal(10m, corrected.GetProperty("value").GetDecimal());
        Assert.Equal("Red", corrected.GetProperty("rag").GetString());
        Assert.Equal(PerformanceWarehouse.HostileCommentary, corrected.GetProperty("commentary").GetString());
        Assert.Equal(JsonValueKind.False, corrected.GetProperty("nil_return").ValueKind);
        var loadedAt = (await warehouse.Harness.QueryAsync<string>("""
            SELECT r.loaded_at FROM fact_result r JOIN dim_period p ON p.period_key = r.period_key
            WHERE r.is_current = 1 AND r.indicator_code = @Code AND p.period_code = '2026/27 Q2'
            """, new { Code = PerformanceWarehouse.HostileIndicator })).Single();
        var expectedAt = DateTimeOffset.Parse(loadedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        Assert.Equal(expectedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), corrected.GetProperty("published_at").GetString());
    }

    [Fact]
    public async Task Csv_cells_that_a_spreadsheet_would_run_are_defused_and_quoted_per_RFC_4180()
    {
        using var output = new TempFolder();

        var (csv, _) = await ExportAsync(output, "--council", "ASH");

        var row = Assert.Single(csv.Split("\r\n"), l => l.Contains(PerformanceWarehouse.HostileIndicator + ",", StringComparison.Ordinal));
        Assert.Contains(",\"'=1+2 <script>console.error('commentary ran')</script> & \"\"quoted\"\"\",", row, StringComparison.Ordinal);
        Assert.Contains(",\"<img src=x onerror=\"\"console.error('action ran')\"\"> -cut costs\",", row, StringComparison.Ordinal);
        Assert.DoesNotContain(csv.Split("\r\n").Skip(1), l => l.Length > 0 && !l.StartsWith("ASH,", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_column_is_documented_in_docs_open_data_md_with_its_type()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "open-data.md"));

        foreach (var column in OpenDataColumns.All)
        {
            var type = column.Type switch
            {
                OpenDataType.Number => "number",
                OpenDataType.Date => "date",
                OpenDataType.DateTime => "date-time",
                OpenDataType.Boolean => "boolean",
                _ => "text",
            };
            Assert.Contains($"| `{column.Name}` | {type} |", doc, StringComparison.Ordinal);
        }
    }
}
