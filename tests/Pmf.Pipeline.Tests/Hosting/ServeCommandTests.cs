using System.Text.Json;
using Pmf.Cli;
using Pmf.Pipeline.Samples;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Tests.Jobs;
using Spectre.Console;

namespace Pmf.Pipeline.Tests.Hosting;

/// <summary><c>pmf serve</c> through the command line, on a local folder store and the real clock.</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_makes_a_returns_folder_for_every_service_in_the_catalogue_so_officers_have_somewhere_to_drop()
    {
        await using var harness = await IngestHarness.CreateAsync();
        var root = Path.Combine(harness.Warehouse.FolderPath, "fresh-storage");
        var config = WriteConfig(harness, root, maxAttempts: 3);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var (console, output) = Console();
        var services = await harness.Warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM dim_service");

        var serving = PmfApp.RunAsync(["serve", "--config", config], console, TimeProvider.System, stop.Token);
        await Eventually.WithinAsync(
            TimeSpan.FromSeconds(30),
            () => Task.FromResult(serving.IsCompleted || output.ToString().Contains("pmf serve is running", StringComparison.Ordinal)),
            "serve has started");
        await stop.CancelAsync();
        var exit = await serving.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(exit == 0, output.ToString());
        Assert.True(services > 0);
        Assert.True(Directory.Exists(Path.Combine(root, StorageContainers.Returns, "HOU")), output.ToString());
        Assert.Equal(services, Directory.GetDirectories(Path.Combine(root, StorageContainers.Returns)).Length);
    }

    [Fact]
    public async Task Serve_ingests_a_return_waiting_in_the_folder_and_exits_cleanly_when_stopped()
    {
        await using var harness = await IngestHarness.CreateAsync();
        var root = Path.Combine(harness.Warehouse.FolderPath, "serve-storage");
        var file = IngestHarness.CleanHousingReturn();
        Directory.CreateDirectory(Path.Combine(root, StorageContainers.Returns, "HOU"));
        await File.WriteAllBytesAsync(Path.Combine(root, StorageContainers.Returns, file.ReturnPath), SampleReturnWriter.ToBytes(file));
        var config = WriteConfig(harness, root, maxAttempts: 3);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var (console, output) = Console();

        var serving = PmfApp.RunAsync(["serve", "--config", config], console, TimeProvider.System, stop.Token);
        await Eventually.WithinAsync(
            TimeSpan.FromSeconds(40),
            () => Task.FromResult(serving.IsCompleted || Finished(root, StorageContainers.Processed, "*.report.eml") || Finished(root, StorageContainers.Rejected, "*")),
            "the return is finished with, in processed/ or rejected/");
        await stop.CancelAsync();
        var exit = await serving.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(exit == 0, output.ToString());
        var rejected = Directory.GetFiles(Path.Combine(root, StorageContainers.Rejected), "*", SearchOption.AllDirectories);
        Assert.True(rejected.Length == 0, string.Join("\n", rejected.Select(File.ReadAllText)));
        Assert.Single(Directory.GetFiles(Path.Combine(root, StorageContainers.Processed), "*.report.html", SearchOption.AllDirectories));
        Assert.Contains("pmf serve is running", output.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.Combine(root, StorageContainers.Returns), "*", SearchOption.AllDirectories));
        Assert.Equal(1, await harness.Warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM submission"));
    }

    [Fact]
    public async Task Serve_with_an_unusable_setting_stops_at_once_with_one_sentence_and_exit_code_2()
    {
        await using var harness = await IngestHarness.CreateAsync();
        var config = WriteConfig(harness, Path.Combine(harness.Warehouse.FolderPath, "s"), maxAttempts: 0);
        var (console, output) = Console();

        var exit = await PmfApp.RunAsync(["serve", "--config", config], console, TimeProvider.System);

        Assert.Equal(2, exit);
        Assert.Contains("Pmf:Serve:MaxAttempts is 0", output.ToString(), StringComparison.Ordinal);
    }

    private static bool Finished(string root, string container, string pattern) =>
        Directory.Exists(Path.Combine(root, container))
        && Directory.GetFiles(Path.Combine(root, container), pattern, SearchOption.AllDirectories).Any(f => !f.EndsWith(".partial", StringComparison.Ordinal));

    private static string WriteConfig(IngestHarness harness, string root, int maxAttempts)
    {
        var path = Path.Combine(harness.Warehouse.FolderPath, "pmf.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            Pmf = new
            {
                Warehouse = new { Provider = "sqlite", harness.Warehouse.Options.ConnectionString },
                Storage = new { Kind = "local", LocalRoot = root },
                Serve = new { PollSeconds = 0.2, SettleSeconds = 0.2, MaxAttempts = maxAttempts },
                Web = new { Listen = "http://127.0.0.1:0" },
            },
        }));
        return path;
    }

    private static (IAnsiConsole Console, StringWriter Output) Console()
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        return (console, writer);
    }
}
