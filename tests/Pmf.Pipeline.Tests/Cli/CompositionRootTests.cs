using System.Diagnostics;
using System.Text.Json;
using Pmf.Pipeline.Samples;
using Pmf.Pipeline.Tests.Faults;
using Pmf.Pipeline.Tests.Jobs;
using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.Cli;

/// <summary>
/// Every <c>pmf</c> command takes its jobs from the registration the Functions app runs with, over the
/// settings with its own flags on top, and logs where the host sends them.
/// </summary>
public sealed class CompositionRootTests
{
    [Fact]
    public async Task Ingest_mails_the_senders_report_at_once_through_the_configured_transport_as_the_functions_app_does()
    {
        using var folder = new TempFolder();
        var connection = await CliRun.WarehouseWithCatalogueAsync(folder);
        var file = IngestHarness.CleanHousingReturn();
        var returnFile = folder.File(Path.GetFileName(file.ReturnPath));
        await File.WriteAllBytesAsync(returnFile, SampleReturnWriter.ToBytes(file));
        var settings = Settings(folder, new { Storage = new { Kind = "local", LocalRoot = "storage" }, Alerts = new { Transport = "Outbox", OutboxFolder = "mailed" } });

        var (exit, output) = await CliRun.RunAsync("ingest", returnFile, "--service", "HOU", "--config", settings, "--connection", connection);

        Assert.True(exit == 0, output);
        var mail = Assert.Single(Directory.GetFiles(folder.File("mailed"), "*.eml"));
        Assert.Contains(Path.GetFileName(file.ReturnPath), await File.ReadAllTextAsync(mail), StringComparison.Ordinal);
        using var warehouse = new WarehouseProbe(folder.File("w.db"));
        Assert.Equal(1, await warehouse.ScalarAsync("SELECT COUNT(*) FROM sender_feedback WHERE sent_at IS NOT NULL"));
    }

    [Fact]
    public async Task A_commands_logs_go_to_standard_error_in_the_operators_words_errors_only_unless_the_settings_ask_for_more()
    {
        using var folder = new TempFolder();
        var bad = folder.File("bad.xlsx");
        await File.WriteAllTextAsync(bad, "not a workbook");
        var quiet = Settings(folder, new { Warehouse = new { ConnectionString = "Data Source=w.db" } }, "quiet.json");
        var verbose = Settings(folder, new { Warehouse = new { ConnectionString = "Data Source=w.db" } }, "verbose.json", new { LogLevel = new { Default = "Warning" } });

        var (exitQuiet, outQuiet, errQuiet) = await RunAsync(folder.Path, "catalogue", "load", bad, "--config", quiet);
        var (exitVerbose, outVerbose, errVerbose) = await RunAsync(folder.Path, "catalogue", "load", bad, "--config", verbose);

        Assert.Equal(1, exitQuiet);
        Assert.Equal(1, exitVerbose);
        Assert.Equal("", errQuiet.Trim());
        Assert.Matches(@"^\d\d:\d\d:\d\d Warning: Catalogue bad\.xlsx rejected with \d+ problems; the warehouse is unchanged\s*$", errVerbose);
        Assert.DoesNotContain("Pmf.Pipeline", errVerbose, StringComparison.Ordinal);
        Assert.Contains("was not loaded", outQuiet, StringComparison.Ordinal);
        Assert.Equal(outQuiet, outVerbose);
    }

    private static string Settings(TempFolder folder, object pmf, string name = "pmf.json", object? logging = null)
    {
        var path = folder.File(name);
        File.WriteAllText(path, JsonSerializer.Serialize(new { Pmf = pmf, Logging = logging }));
        return path;
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string workingFolder, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingFolder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(PmfChild.Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await output, await errors);
    }
}
