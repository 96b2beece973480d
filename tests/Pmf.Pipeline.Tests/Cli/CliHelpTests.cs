using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.Cli;

/// <summary>Help writes each command the same way in the list of commands as in its own usage line.</summary>
public sealed class CliHelpTests
{
    [Fact]
    public async Task Root_help_shows_ingests_optional_path_as_its_own_help_does()
    {
        var (_, root) = await CliRun.RunAsync("--help");
        var (_, ingest) = await CliRun.RunAsync("ingest", "--help");

        Assert.Contains(" ingest [<PATH>] [options]", ingest, StringComparison.Ordinal); // after the program's name
        var line = Assert.Single(root.Split('\n'), l => l.TrimStart().StartsWith("ingest ", StringComparison.Ordinal));
        Assert.StartsWith("  ingest [<PATH>]  ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Descriptions_in_the_list_of_commands_stay_in_one_column()
    {
        var (_, root) = await CliRun.RunAsync("--help");

        var rows = root.Split('\n').SkipWhile(l => l.TrimEnd() != "Commands:").Skip(1).TakeWhile(l => l.Trim().Length > 0).ToList();
        Assert.Contains(rows, r => r.Contains("Read returns through the data-quality gate", StringComparison.Ordinal));
        Assert.Single(rows.Select(r => r.IndexOf("  ", 2, StringComparison.Ordinal) + r[r.IndexOf("  ", 2, StringComparison.Ordinal)..].TakeWhile(c => c == ' ').Count()).Distinct());
    }
}
