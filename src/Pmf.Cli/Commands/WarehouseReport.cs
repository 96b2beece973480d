using Pmf.Pipeline.Warehouse;
using Spectre.Console;

namespace Pmf.Cli.Commands;

/// <summary>How a warehouse migration looks in a terminal.</summary>
internal static class WarehouseReport
{
    public static void Migration(IAnsiConsole console, WarehouseOptions options, MigrationOutcome outcome)
    {
        if (outcome.ScriptsApplied.Count == 0)
        {
            console.MarkupLineInterpolated($"[green]The {options.Provider} warehouse is already up to date.[/]");
            return;
        }

        foreach (var script in outcome.ScriptsApplied)
        {
            console.MarkupLineInterpolated($"  applied [bold]{script}[/]");
        }

        console.MarkupLineInterpolated($"[green]The {options.Provider} warehouse is ready ({outcome.ScriptsApplied.Count} migration(s) applied).[/]");
    }
}
