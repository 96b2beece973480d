using Pmf.Cli;
using Pmf.Cli.Commands;
using Pmf.Pipeline.Sources;
using Pmf.Pipeline.Tests.Support;
using Spectre.Console;

namespace Pmf.Pipeline.Tests.Cli;

/// <summary>What people read in a terminal or a file: whole codes, words rather than type names.</summary>
public sealed class CliOutputTests
{
    [Fact]
    public void Output_to_a_file_or_pipe_is_wide_enough_that_a_table_keeps_each_code_whole_on_one_line()
    {
        var writer = new StringWriter();
        var console = PmfConsole.Create(redirected: true, AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(writer),
        }));
        var table = new Table().AddColumns("Id", "Service", "Kind", "Indicator", "Period", "Status", "Level", "Due", "Detail");
        table.AddRow("17", "HOU", "Late return", "ASH-HOU-02", "2026/27 Q2", "Open", "Head of service and director", "14 Oct 2026", "No return received for 2026/27 Q2; due 14 October 2026");

        console.Write(table);

        var row = Assert.Single(writer.ToString().Split('\n'), l => l.Contains("ASH-HOU-02", StringComparison.Ordinal));
        Assert.Contains("No return received for 2026/27 Q2; due 14 October 2026", row, StringComparison.Ordinal);
    }

    [Fact]
    public void A_terminal_keeps_its_own_width()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StringWriter()) });
        console.Profile.Width = 100;

        Assert.Equal(100, PmfConsole.Create(redirected: false, console).Profile.Width);
    }

    [Theory]
    [InlineData(SourceRunOutcome.LoadedWithWarnings, "Loaded with warnings")]
    [InlineData(SourceRunOutcome.Empty, "No records")]
    [InlineData(SourceRunOutcome.Failed, "Failed")]
    public void A_pull_outcome_reads_as_words(SourceRunOutcome outcome, string words) =>
        Assert.Equal(words, PullCommand.Words(outcome));

    [Fact]
    public async Task The_demo_does_not_open_with_migration_lines()
    {
        using var folder = new TempFolder();

        var (exit, output) = await CliRun.RunAsync("demo", "--out", folder.Path);

        Assert.True(exit == 0, output);
        Assert.DoesNotContain("applied ", output, StringComparison.Ordinal);
        Assert.Contains("migration(s) applied", output, StringComparison.Ordinal);
        Assert.DoesNotContain("LoadedWithWarnings", output, StringComparison.Ordinal);
        Assert.DoesNotContain("AcceptedWithWarnings", output, StringComparison.Ordinal);
    }
}
