using System.CommandLine;

namespace Pmf.Cli;

/// <summary>Options every command accepts; they override pmf.json and PMF__ environment settings.</summary>
internal static class GlobalOptions
{
    public static readonly Option<FileInfo?> Config = new("--config")
    {
        Description = "Settings file (default: pmf.json in the current folder, if present).",
        Recursive = true,
    };

    public static readonly Option<string?> Provider = new("--provider")
    {
        Description = "Warehouse provider: sqlite (default) or sqlserver. Setting Pmf:Warehouse:Provider.",
        Recursive = true,
    };

    public static readonly Option<string?> Connection = new("--connection")
    {
        Description = "Warehouse connection string, e.g. \"Data Source=pmf.db\". Setting Pmf:Warehouse:ConnectionString.",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print the result as JSON for scripts instead of tables.",
        Recursive = true,
    };
}
