using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Pmf.Pipeline;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Cli;

/// <summary>
/// The settings a command runs with, in rising precedence: the settings file (pmf.json here, or
/// <c>--config</c>; its relative paths read from its own folder), <c>PMF__</c> environment variables,
/// then the command line: <c>--provider</c>, <c>--connection</c> and the command's own flags, each an
/// in-memory layer naming the setting it overrides.
/// </summary>
internal static class CliSettings
{
    /// <summary>The settings for <paramref name="parse"/>, with <paramref name="flags"/> (setting name to value) on top.</summary>
    /// <exception cref="ConfigurationProblemException">The settings file is missing or unreadable.</exception>
    public static IConfigurationRoot Read(ParseResult parse, IEnumerable<KeyValuePair<string, string?>>? flags = null)
    {
        var file = parse.GetValue(GlobalOptions.Config);
        if (file is { Exists: false })
        {
            throw new ConfigurationProblemException($"The settings file {file.FullName} does not exist; pass an existing file to --config or leave it out.");
        }

        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (parse.GetValue(GlobalOptions.Provider) is { } provider)
        {
            overrides[$"{WarehouseOptions.Section}:{nameof(WarehouseOptions.Provider)}"] = provider;
        }

        if (parse.GetValue(GlobalOptions.Connection) is { } connection)
        {
            overrides[$"{WarehouseOptions.Section}:{nameof(WarehouseOptions.ConnectionString)}"] = connection;
        }

        foreach (var (key, value) in flags ?? [])
        {
            overrides[key] = value;
        }

        var path = file?.FullName ?? Path.Combine(Directory.GetCurrentDirectory(), "pmf.json");
        return Build(path, optional: file is null, environment: true, overrides);
    }

    /// <summary>
    /// The settings of one file alone (and <paramref name="overrides"/>), with no environment: the demo's own
    /// folder, which nothing outside it may redirect.
    /// </summary>
    public static IConfigurationRoot File(string path, IEnumerable<KeyValuePair<string, string?>>? overrides = null) =>
        Build(path, optional: false, environment: false, overrides ?? []);

    private static IConfigurationRoot Build(string path, bool optional, bool environment, IEnumerable<KeyValuePair<string, string?>> overrides)
    {
        try
        {
            var settingsFile = new ConfigurationBuilder().AddJsonFile(path, optional).Build();
            var builder = new ConfigurationBuilder()
                .AddConfiguration(settingsFile)
                .AddInMemoryCollection(SettingsFilePaths.Resolve(settingsFile, Path.GetDirectoryName(path)!));
            if (environment)
            {
                builder.AddEnvironmentVariables();
            }

            return builder.AddInMemoryCollection(overrides).Build();
        }
        catch (InvalidDataException e)
        {
            var detail = e.InnerException?.Message ?? e.Message;
            throw new ConfigurationProblemException($"The settings file {path} is not valid JSON ({detail.TrimEnd('.')}); correct it, or pass another file with --config.", e);
        }
    }
}
