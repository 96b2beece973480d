using Pmf.Pipeline.Warehouse;
using Spectre.Console;

namespace Pmf.Cli.Commands;

/// <summary>How a warehouse migration looks in a terminal.</summary>
internal static class WarehouseReport
{
    /// <summary>What a migration did; each script applied is listed only when <paramref name="eachScript"/> (pmf init), not in the demo.</summary>
    public static void Migration(IAnsiConsole console, WarehouseOptions options, MigrationOutcome outcome, bool eachScript = true)
    {
        if (outcome.ScriptsApplied.Count == 0)
        {
            console.MarkupLineInterpolated($"[green]The {options.Provider} warehouse is already up to date.[/]");
            return;
        }

        foreach (var script in eachScript ? outcome.ScriptsApplied : [])
        {
            console.MarkupLineInterpolated($"  applied [bold]{script}[/]");
        }

        console.MarkupLineInterpolated($"[green]The {options.Provider} warehouse is ready ({outcome.ScriptsApplied.Count} migration(s) applied).[/]");
    }
}
