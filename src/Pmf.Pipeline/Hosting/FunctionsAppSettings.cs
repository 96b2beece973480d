using Microsoft.Extensions.Configuration;
using Pmf.Pipeline.Alerts;
using Pmf.Pipeline.Storage;

namespace Pmf.Pipeline.Hosting;

/// <summary>
/// What the Functions app will not start without. The pipeline's defaults (a local folder for returns,
/// <c>Data Source=pmf.db</c>, an outbox folder) suit one machine; in a function's sandbox they would
/// lose every file and every row, so each must be set explicitly, as <c>infra/</c> does.
/// </summary>
public static class FunctionsAppSettings
{
    /// <summary>The file beside the app whose <c>logging</c> section sets what the worker logs.</summary>
    public const string HostJson = "host.json";

    /// <summary>The first required app setting that is missing or wrong, as one sentence naming it, or null.</summary>
    /// <param name="configuration">The app settings.</param>
    public static string? Problem(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Missing(configuration, HostingSettings.WarehouseProvider, "sqlserver for Azure SQL (the Functions app has no default warehouse)")
            ?? Missing(configuration, HostingSettings.WarehouseConnectionString, "the warehouse's connection string, for Azure SQL with Authentication=Active Directory Default")
            ?? Missing(configuration, HostingSettings.StorageKind, "blob")
            ?? NotBlob(configuration)
            ?? TriggerConnection(configuration)
            ?? Schedule(configuration)
            ?? Missing(configuration, HostingSettings.AlertsTransport, "Graph or SmtpOAuth, sent as the app's identity")
            ?? OutboxFolder(configuration);
    }

    /// <summary>The section of <see cref="HostJson"/> that holds its log levels, read as the worker's logging configuration.</summary>
    public const string HostJsonLogging = "logging";

    private static string? Value(IConfiguration configuration, string appSetting) =>
        configuration[appSetting.Replace("__", ":", StringComparison.Ordinal)] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static string? Missing(IConfiguration configuration, string appSetting, string what) =>
        Value(configuration, appSetting) is null ? $"The app setting {appSetting} is not set; set it to {what} (see docs/deploy.md, App settings)." : null;

    private static string? NotBlob(IConfiguration configuration) =>
        string.Equals(Value(configuration, HostingSettings.StorageKind), StorageOptions.BlobKind, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"The app setting {HostingSettings.StorageKind} is '{Value(configuration, HostingSettings.StorageKind)}'; the Functions app reads returns from blob storage only, so set it to {StorageOptions.BlobKind}.";

    private static string? TriggerConnection(IConfiguration configuration) =>
        Value(configuration, HostingSettings.StorageBlobServiceUri) is null && Value(configuration, FunctionBindings.StorageConnection) is null
            ? $"The app setting {HostingSettings.StorageBlobServiceUri} is not set; set it to the returns account's blob endpoint (https://<account>.blob.core.windows.net) so the blob triggers can reach it."
            : null;

    private static string? Schedule(IConfiguration configuration)
    {
        if (Missing(configuration, HostingSettings.PullSourcesSchedule, $"a six-field NCRONTAB such as '{JobSchedules.DefaultPullSources}'") is { } missing)
        {
            return missing;
        }

        try
        {
            _ = ScheduledJob.Parse(HostingSettings.PullSourcesSchedule, Value(configuration, HostingSettings.PullSourcesSchedule));
            return null;
        }
        catch (ConfigurationProblemException e)
        {
            return e.Message;
        }
    }

    private static string? OutboxFolder(IConfiguration configuration) =>
        string.Equals(Value(configuration, HostingSettings.AlertsTransport), AlertOptions.Outbox, StringComparison.OrdinalIgnoreCase)
            && Value(configuration, $"{AlertOptions.Section}:OutboxFolder") is null
            ? $"The app setting {HostingSettings.AlertsTransport} is {AlertOptions.Outbox} but Pmf__Alerts__OutboxFolder is not set; mail as the app's identity with Graph or SmtpOAuth, or name the folder the messages are written to."
            : null;
}
