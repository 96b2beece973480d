using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.Cli;

/// <summary>What a newcomer meets when they type a command slightly wrong.</summary>
public sealed class CliUsageTests
{
    [Fact]
    public async Task A_misspelt_command_suggests_the_one_meant()
    {
        var (exit, output) = await CliRun.RunAsync("catalouge", "load", "x.xlsx");

        Assert.Equal(2, exit);
        Assert.Contains("Did you mean pmf catalogue?", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_subcommand_suggests_it_under_its_command()
    {
        var (exit, output) = await CliRun.RunAsync("followup", "lsit");

        Assert.Equal(2, exit);
        Assert.Contains("Did you mean pmf followup list?", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_word_near_no_command_gets_no_suggestion()
    {
        var (exit, output) = await CliRun.RunAsync("frobnicate");

        Assert.Equal(2, exit);
        Assert.DoesNotContain("Did you mean", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_american_spelling_of_catalogue_works_too()
    {
        using var folder = new TempFolder();

        var (exit, output) = await CliRun.RunAsync("catalog", "load", folder.File("nope.xlsx"), "--connection", $"Data Source={folder.File("w.db")}");

        Assert.Equal(2, exit);
        Assert.Contains("nope.xlsx", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Required command", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acknowledging_a_follow_up_that_does_not_exist_is_a_usage_error_not_a_data_problem()
    {
        using var folder = new TempFolder();

        var (exit, output) = await CliRun.RunAsync("followup", "ack", "999", "--note", "on it", "--connection", $"Data Source={folder.File("w.db")}");

        Assert.Equal(2, exit);
        Assert.Contains("no open follow-up 999", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_for_a_period_that_has_not_started_writes_nothing_and_says_which_periods_can_be_reported()
    {
        using var folder = new TempFolder();

        var (exit, output) = await CliRun.RunAsync(
            "report", "--period", "2030/31 Q2", "--out", folder.File("reports"), "--connection", $"Data Source={folder.File("w.db")}");

        Assert.Equal(2, exit);
        Assert.Contains("2030/31 Q2 has not started yet", output, StringComparison.Ordinal);
        Assert.Contains("2026/27 Q2", output, StringComparison.Ordinal); // CliRun's clock is 23 November 2026
        Assert.False(Directory.Exists(folder.File("reports")));
    }
}
