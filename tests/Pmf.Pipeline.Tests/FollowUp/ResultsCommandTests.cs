using System.Text.Json;
using Pmf.Pipeline.FollowUp;
using Pmf.Pipeline.Samples;
using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.FollowUp;

public sealed class ResultsCommandTests
{
    [Fact]
    public async Task Pmf_results_note_adds_a_remedial_action_and_show_reads_it_back_beside_the_return_commentary()
    {
        await using var harness = await RedAsync();
        var connection = harness.Ingest.Warehouse.Options.ConnectionString;

        var (noteExit, _) = await CliRun.RunAsync("results", "note", "ASH-HOU-01", "2026/27 Q2", "--remedial-action", "Interim contractor.", "--by", "head.housing@ashby.gov.uk", "--connection", connection);
        var (showExit, output) = await CliRun.RunAsync("results", "show", "ASH-HOU-01", "2026/27 Q2", "--connection", connection, "--json");

        Assert.Equal((0, 0), (noteExit, showExit));
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(("ASH", "Red", "Slipped."), (json.GetProperty("council").GetString(), json.GetProperty("rag").GetString(), json.GetProperty("commentary").GetString()));
        var note = Assert.Single(json.GetProperty("notes").EnumerateArray().ToList());
        Assert.Equal(("Interim contractor.", "head.housing@ashby.gov.uk"), (note.GetProperty("remedialAction").GetString(), note.GetProperty("by").GetString()));
    }

    [Fact]
    public async Task Pmf_results_note_without_a_result_or_text_says_what_to_do_and_changes_nothing()
    {
        await using var harness = await RedAsync();
        var connection = harness.Ingest.Warehouse.Options.ConnectionString;

        var (noResult, noResultOutput) = await CliRun.RunAsync("results", "note", "ASH-HOU-01", "2026/27 Q3", "--commentary", "Early.", "--connection", connection, "--json");
        var (empty, emptyOutput) = await CliRun.RunAsync("results", "note", "ASH-HOU-01", "2026/27 Q2", "--connection", connection, "--json");

        Assert.Equal((2, 2), (noResult, empty));
        Assert.StartsWith("There is no current result for ASH-HOU-01 in 2026/27 Q3;", JsonDocument.Parse(noResultOutput).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("Write a commentary, a remedial action or both; the note was empty.", JsonDocument.Parse(emptyOutput).RootElement.GetProperty("error").GetString());
        Assert.Equal(0L, await harness.Ingest.Warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM result_note"));
    }

    [Fact]
    public async Task Pmf_followup_show_lists_the_acknowledgement_note_with_who()
    {
        await using var harness = await RedAsync();
        await harness.SweepAsync(new DateOnly(2026, 11, 23));
        var red = (await harness.FollowUpAsync(FollowUpKind.Red, "ASH-HOU-01", "2026/27 Q2"))!;
        var connection = harness.Ingest.Warehouse.Options.ConnectionString;
        await CliRun.RunAsync("followup", "ack", red.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--note", "On it: site meetings weekly.", "--by", "jo", "--connection", connection);

        var (exit, output) = await CliRun.RunAsync("followup", "show", red.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--connection", connection);
        var (missing, _) = await CliRun.RunAsync("followup", "show", "999", "--connection", connection);

        Assert.Equal((0, 2), (exit, missing));
        Assert.Contains("Acknowledged", output, StringComparison.Ordinal);
        Assert.Contains("On it: site meetings weekly.", output, StringComparison.Ordinal);
        Assert.Matches(@"jo\s", output);
    }

    private static async Task<SweepHarness> RedAsync()
    {
        var harness = await SweepHarness.CreateAsync();
        await harness.Ingest.DropAndIngestAsync(new SampleReturnFile(
            "HOU", "red.csv", SampleFormat.Csv, [new SampleReturnLine("ASH-HOU-01", "2026/27 Q2", 5, Commentary: "Slipped.")], null, [], "test"));
        return harness;
    }
}
