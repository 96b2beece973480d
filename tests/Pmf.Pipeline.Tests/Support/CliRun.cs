using Microsoft.Extensions.Time.Testing;
using Pmf.Cli;
using Spectre.Console;

namespace Pmf.Pipeline.Tests.Support;

/// <summary>Runs <c>pmf</c> in-process with a captured, colourless console and a fixed clock.</summary>
public static class CliRun
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 240;
        var exit = await PmfApp.RunAsync(args, console, new FakeTimeProvider(Now));
        return (exit, writer.ToString());
    }

    /// <summary>A warehouse in <paramref name="folder"/> with the ingest harness's catalogue loaded through the CLI; its connection string.</summary>
    public static async Task<string> WarehouseWithCatalogueAsync(TempFolder folder)
    {
        var connection = $"Data Source={folder.File("w.db")}";
        var catalogue = folder.File("catalogue.xlsx");
        Pipeline.Catalogue.CatalogueWorkbookWriter.Write(Jobs.IngestHarness.Framework, catalogue);
        Assert.Equal(0, (await RunAsync("catalogue", "load", catalogue, "--connection", connection)).ExitCode);
        return connection;
    }
}
