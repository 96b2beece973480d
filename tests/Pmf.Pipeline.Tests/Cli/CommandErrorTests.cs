using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.Cli;

public sealed class CommandErrorTests
{
    [Fact]
    public async Task An_unknown_provider_is_a_configuration_error_in_one_sentence()
    {
        var (exit, output) = await CliRun.RunAsync("init", "--provider", "oracle");

        Assert.Equal(2, exit);
        Assert.Contains("oracle", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_catalogue_file_is_named_and_exits_with_two()
    {
        using var folder = new TempFolder();

        var (exit, output) = await CliRun.RunAsync("catalogue", "load", folder.File("nope.xlsx"), "--connection", $"Data Source={folder.File("w.db")}");

        Assert.Equal(2, exit);
        Assert.Contains("nope.xlsx", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_is_a_usage_error()
    {
        var (exit, _) = await CliRun.RunAsync("frobnicate");

        Assert.Equal(2, exit);
    }

    [Fact]
    public async Task Init_twice_says_the_warehouse_is_already_up_to_date()
    {
        using var folder = new TempFolder();
        var connection = $"Data Source={folder.File("w.db")}";

        var (first, _) = await CliRun.RunAsync("init", "--connection", connection);
        var (second, output) = await CliRun.RunAsync("init", "--connection", connection);

        Assert.Equal(0, first);
        Assert.Equal(0, second);
        Assert.Contains("already up to date", output, StringComparison.Ordinal);
    }
}
