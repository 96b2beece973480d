using System.Text.Json;
using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.FollowUp;

public sealed class SweepCommandTests
{
    [Fact]
    public async Task Pmf_sweep_flags_by_service_writes_digests_to_the_outbox_and_a_second_run_writes_none()
    {
        await using var harness = await SweepHarness.CreateAsync();
        var outbox = Path.Combine(harness.Ingest.Warehouse.FolderPath, "outbox");
        string[] args = ["sweep", "--connection", harness.Ingest.Warehouse.Options.ConnectionString, "--outbox", outbox, "--as-of", "2026-11-23T09:00:00Z"];

        var (exit, output) = await CliRun.RunAsync(args);
        var files = Directory.GetFiles(outbox, "*.eml");
        var (again, _) = await CliRun.RunAsync(args);

        Assert.Equal(0, exit);
        Assert.Contains("Sweep as of 23 Nov 2026", output, StringComparison.Ordinal);
        Assert.Contains("Return overdue", output, StringComparison.Ordinal);
        Assert.Contains($"digest(s) written to {outbox}", output, StringComparison.Ordinal);
        Assert.NotEmpty(files);
        Assert.Equal(0, again);
        Assert.Equal(files.Length, Directory.GetFiles(outbox, "*.eml").Length);
        var housing = files.Select(File.ReadAllText).Single(t => t.Contains("Subject: PMF follow-up for Housing", StringComparison.Ordinal));
        Assert.Contains("To: Priya Shah <priya.shah@ashbyvale-brookmere.gov.uk>", housing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pmf_followup_lists_acknowledges_and_resolves_with_a_note()
    {
        await using var harness = await SweepHarness.CreateAsync();
        var connection = harness.Ingest.Warehouse.Options.ConnectionString;
        await CliRun.RunAsync("sweep", "--connection", connection, "--no-mail", "--as-of", "2026-11-23");

        var (listed, json) = await CliRun.RunAsync("followup", "list", "--service", "HOU", "--json", "--connection", connection);
        var ids = JsonDocument.Parse(json).RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToList();
        var (acked, ackOutput) = await CliRun.RunAsync("followup", "ack", ids[0].ToString(System.Globalization.CultureInfo.InvariantCulture), "--note", "On it", "--by", "priya", "--connection", connection);
        var (resolved, _) = await CliRun.RunAsync("followup", "resolve", ids[1].ToString(System.Globalization.CultureInfo.InvariantCulture), "--note", "Retired", "--by", "priya", "--connection", connection);
        var (missing, missingOutput) = await CliRun.RunAsync("followup", "resolve", "987654", "--note", "x", "--connection", connection);
        var (_, table) = await CliRun.RunAsync("followup", "list", "--service", "HOU", "--connection", connection);

        Assert.Equal(0, listed);
        Assert.NotEmpty(ids);
        Assert.Equal(0, acked);
        Assert.Contains("ack recorded", ackOutput, StringComparison.Ordinal);
        Assert.Equal(0, resolved);
        Assert.Equal(2, missing); // an id that names no open follow-up is a usage error, not a data problem
        Assert.Contains("There is no open follow-up 987654", missingOutput, StringComparison.Ordinal);
        Assert.Contains("Acknowledged", table, StringComparison.Ordinal);
        Assert.Contains($"{ids.Count - 1} follow-up(s).", table, StringComparison.Ordinal);
        Assert.Equal("priya|On it", await harness.Ingest.Warehouse.ScalarAsync<string>(
            "SELECT actor || '|' || note FROM follow_up_event WHERE follow_up_id = @Id AND action = 'Acknowledged'", new { Id = ids[0] }));
    }

    [Fact]
    public async Task An_as_of_that_is_not_a_date_is_a_usage_error()
    {
        await using var harness = await SweepHarness.CreateAsync();

        var (exit, output) = await CliRun.RunAsync("sweep", "--connection", harness.Ingest.Warehouse.Options.ConnectionString, "--as-of", "next tuesday");

        Assert.Equal(2, exit);
        Assert.Contains("--as-of 'next tuesday' is not a date or instant", output, StringComparison.Ordinal);
    }
}
