using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pmf.Cli.Commands;

/// <summary>
/// The <c>pmf.json</c> the demo leaves in its folder: the demo's warehouse, store and outbox, by
/// paths relative to the file, so <c>pmf followup list</c> run there (or with <c>--config</c>)
/// works on what the demo built rather than on a new, empty warehouse.
/// </summary>
internal static class DemoSettings
{
    public const string FileName = "pmf.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task WriteAsync(string folder, CancellationToken cancellationToken)
    {
        var settings = new JsonObject
        {
            ["Pmf"] = new JsonObject
            {
                ["Warehouse"] = new JsonObject { ["Provider"] = "sqlite", ["ConnectionString"] = "Data Source=warehouse.db" },
                ["Storage"] = new JsonObject { ["Kind"] = "local", ["LocalRoot"] = "storage" },
                ["Alerts"] = new JsonObject { ["Transport"] = "Outbox", ["OutboxFolder"] = "outbox" },
            },
        };
        await File.WriteAllTextAsync(Path.Combine(folder, FileName), settings.ToJsonString(Indented) + Environment.NewLine, cancellationToken);
    }
}
