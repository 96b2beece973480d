using System.Text.Json;
using Pmf.Pipeline.FollowUp;
using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.Cli;

/// <summary>
/// What a script reads with <c>--json</c>: a JSON document on standard output whatever happens, the same
/// name for the same idea in every command, and follow-ups in the words the tables use (docs/cli.md).
/// </summary>
public sealed class CliJsonTests : IAsyncLifetime
{
    private static readonly string[] NamesNoLongerUsed = ["serviceCode", "periodCode", "indicatorCode", "councilCode", "file", "projectFile"];

    private readonly TempFolder _folder = new();

    private string Connection { get; set; } = "";

    public async Task InitializeAsync()
    {
        Connection = await CliRun.WarehouseWithCatalogueAsync(_folder);
        Assert.Equal(0, (await CliRun.RunAsync("sweep", "--no-mail", "--connection", Connection)).ExitCode);
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_settings_error_under_json_is_a_json_document_on_standard_output_with_the_sentence_and_the_exit_code()
    {
        var (exit, output) = await CliRun.RunAsync("init", "--provider", "oracle", "--json");

        Assert.Equal(2, exit);
        using var json = JsonDocument.Parse(output);
        Assert.StartsWith("Pmf:Warehouse:Provider is 'oracle'", json.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, json.RootElement.GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public async Task A_misspelt_command_under_json_is_a_json_document_naming_the_command_meant()
    {
        var (exit, output) = await CliRun.RunAsync("--json", "followup", "lsit");

        Assert.Equal(2, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("pmf followup list", json.RootElement.GetProperty("didYouMean").GetString());
        Assert.Contains("lsit", json.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_error_under_json_is_not_wrapped_at_the_console_width()
    {
        var (_, output) = await CliRun.RunAsync("--json", "catalogue", "load", _folder.File(new string('x', 300) + ".xlsx"), "--connection", Connection);

        using var json = JsonDocument.Parse(output);
        Assert.Contains(new string('x', 300), json.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Follow_up_kinds_and_levels_read_the_same_in_json_as_in_the_table()
    {
        var (_, table) = await CliRun.RunAsync("followup", "list", "--connection", Connection);
        var (exit, output) = await CliRun.RunAsync("followup", "list", "--connection", Connection, "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var items = json.RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(items);
        foreach (var item in items)
        {
            var id = item.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
            var row = Assert.Single(table.Split('\n'), l => l.Split('│', '|').ElementAtOrDefault(1)?.Trim() == id);
            Assert.Contains(item.GetProperty("kind").GetString()!, row, StringComparison.Ordinal);
            Assert.Contains(item.GetProperty("level").GetString()!, row, StringComparison.Ordinal);
        }

        Assert.Contains(items, i => i.GetProperty("kind").GetString() == FollowUpKind.Describe(FollowUpKind.Late));
    }

    [Fact]
    public async Task The_sweep_in_json_counts_open_follow_ups_in_the_tables_words()
    {
        var (exit, output) = await CliRun.RunAsync("sweep", "--no-mail", "--connection", Connection, "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var open = json.RootElement.GetProperty("changes").GetProperty("open").EnumerateArray().ToList();
        Assert.NotEmpty(open);
        Assert.All(open, o => Assert.Contains(o.GetProperty("kind").GetString(), FollowUpKind.All.Select(FollowUpKind.Describe)));
        Assert.All(open, o => Assert.False(string.IsNullOrEmpty(o.GetProperty("service").GetString())));
    }

    [Fact]
    public async Task Every_command_names_a_service_period_indicator_council_and_file_path_the_same_way()
    {
        var outputs = new List<string>
        {
            (await CliRun.RunAsync("followup", "list", "--connection", Connection, "--json")).Output,
            (await CliRun.RunAsync("sweep", "--no-mail", "--connection", Connection, "--json")).Output,
            (await CliRun.RunAsync("template", "--all", "--period", "2026/27 Q2", "--out", _folder.File("templates"), "--connection", Connection, "--json")).Output,
            (await CliRun.RunAsync("report", "--period", "2026/27 Q2", "--out", _folder.File("reports"), "--connection", Connection, "--json")).Output,
            (await CliRun.RunAsync("export", "--period", "2026/27 Q2", "--out", _folder.File("open-data"), "--connection", Connection, "--json")).Output,
            (await CliRun.RunAsync("powerbi", "--out", _folder.File("powerbi"), "--connection", Connection, "--json")).Output,
        };

        var names = outputs.SelectMany(o => Names(JsonDocument.Parse(o).RootElement)).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(names.Intersect(NamesNoLongerUsed));
        Assert.Contains("service", names);
        Assert.Contains("period", names);
        Assert.Contains("council", names);
        Assert.Contains("path", names);
    }

    private static IEnumerable<string> Names(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Names(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Names),
        _ => [],
    };
}
