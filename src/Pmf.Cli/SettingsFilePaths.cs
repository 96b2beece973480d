using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Pmf.Pipeline.Alerts;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Cli;

/// <summary>
/// A relative path in a settings file means a place beside that file, not wherever the command
/// happens to run: <c>pmf --config pmf-demo/pmf.json</c> and <c>cd pmf-demo &amp;&amp; pmf</c> see the
/// same warehouse, store and outbox. Paths from environment variables and options stay relative to
/// the current folder, as a shell user expects.
/// </summary>
internal static class SettingsFilePaths
{
    /// <summary>The settings of <paramref name="file"/> that name a relative path, made absolute against its folder.</summary>
    public static Dictionary<string, string?> Resolve(IConfiguration file, string folder)
    {
        var resolved = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        Folder(file, folder, $"{StorageOptions.Section}:{nameof(StorageOptions.LocalRoot)}", resolved);
        Folder(file, folder, $"{AlertOptions.Section}:{nameof(AlertOptions.OutboxFolder)}", resolved);

        var connectionKey = $"{WarehouseOptions.Section}:{nameof(WarehouseOptions.ConnectionString)}";
        var provider = file[$"{WarehouseOptions.Section}:{nameof(WarehouseOptions.Provider)}"];
        if (file[connectionKey] is { Length: > 0 } connection
            && (provider is null || provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
            && SqliteFile(connection, folder) is { } absolute)
        {
            resolved[connectionKey] = absolute;
        }

        return resolved;
    }

    private static void Folder(IConfiguration file, string folder, string key, Dictionary<string, string?> resolved)
    {
        if (file[key] is { Length: > 0 } path && !Path.IsPathRooted(path))
        {
            resolved[key] = Path.GetFullPath(Path.Combine(folder, path));
        }
    }

    private static string? SqliteFile(string connection, string folder)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connection);
        }
        catch (ArgumentException)
        {
            return null; // Not a SQLite connection string: the warehouse options say what is wrong with it.
        }

        var source = builder.DataSource;
        if (source.Length == 0 || source == ":memory:" || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || Path.IsPathRooted(source))
        {
            return null;
        }

        builder.DataSource = Path.GetFullPath(Path.Combine(folder, source));
        return builder.ConnectionString;
    }
}
