namespace Pmf.Pipeline.Hosting;

/// <summary>
/// The app settings (environment variables) the hosts read, as they are written in Azure. Every one
/// is documented in docs/deploy.md; none holds a secret.
/// </summary>
public static class HostingSettings
{
    /// <summary>The returns account's blob endpoint for the triggers' identity-based connection.</summary>
    public const string StorageBlobServiceUri = FunctionBindings.StorageConnection + "__blobServiceUri";

    /// <summary>
    /// The returns account's queue endpoint: a blob trigger on an identity-based connection needs it
    /// beside <see cref="StorageBlobServiceUri"/> for its poison queue.
    /// </summary>
    public const string StorageQueueServiceUri = FunctionBindings.StorageConnection + "__queueServiceUri";

    /// <summary>The Functions host's own storage (leases, timers), by account name and identity.</summary>
    public const string HostStorageAccountName = "AzureWebJobsStorage__accountName";

    /// <summary>Makes the host reach its own storage with the app's managed identity.</summary>
    public const string HostStorageCredential = "AzureWebJobsStorage__credential";

    /// <summary>The six-field NCRONTAB on which sources are pulled (default <see cref="JobSchedules.DefaultPullSources"/>).</summary>
    public const string PullSourcesSchedule = "PmfPullSourcesSchedule";

    /// <summary>The warehouse provider, <c>sqlite</c> or <c>sqlserver</c>.</summary>
    public const string WarehouseProvider = "Pmf__Warehouse__Provider";

    /// <summary>The warehouse connection string; for Azure SQL with <c>Authentication=Active Directory Default</c>.</summary>
    public const string WarehouseConnectionString = "Pmf__Warehouse__ConnectionString";

    /// <summary>The store kind the jobs use, <c>blob</c> in Azure.</summary>
    public const string StorageKind = "Pmf__Storage__Kind";

    /// <summary>The blob endpoint the jobs use to read and move returns (the same account as the trigger).</summary>
    public const string StorageServiceUri = "Pmf__Storage__BlobServiceUri";

    /// <summary>The key vault that holds source systems' secrets, read with the app's identity.</summary>
    public const string KeyVaultUri = "Pmf__Sources__KeyVaultUri";

    /// <summary>How digests are mailed: <c>Graph</c> or <c>SmtpOAuth</c> with the app's identity.</summary>
    public const string AlertsTransport = "Pmf__Alerts__Transport";

    /// <summary>The shared mailbox digests are sent as; the app's identity may send as it and no other.</summary>
    public const string AlertsMailbox = "Pmf__Alerts__Mailbox";

    /// <summary>The digests' From: the mailbox, with a display name.</summary>
    public const string AlertsFrom = "Pmf__Alerts__From";

    /// <summary>The senders' reports' From: the same mailbox, since Exchange Online refuses any other for a mailbox sign-in.</summary>
    public const string IngestFeedbackFrom = "Pmf__Ingest__FeedbackFrom";

    /// <summary>Application Insights; a connection string identifies the resource and is not a secret.</summary>
    public const string ApplicationInsightsConnectionString = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>Makes Application Insights accept only Entra-authenticated telemetry from the app's identity.</summary>
    public const string ApplicationInsightsAuthentication = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary><c>pmf serve</c>: seconds between looks at returns/.</summary>
    public const string ServePollSeconds = "Pmf__Serve__PollSeconds";

    /// <summary><c>pmf serve</c>: a file younger than this many seconds may still be uploading and waits.</summary>
    public const string ServeSettleSeconds = "Pmf__Serve__SettleSeconds";

    /// <summary><c>pmf serve</c>: failed tries before a file moves to rejected/ (the Functions poison threshold).</summary>
    public const string ServeMaxAttempts = "Pmf__Serve__MaxAttempts";

    /// <summary>Every setting above, for the documentation check.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        StorageBlobServiceUri, StorageQueueServiceUri, HostStorageAccountName, HostStorageCredential, PullSourcesSchedule, WarehouseProvider, WarehouseConnectionString,
        StorageKind, StorageServiceUri, KeyVaultUri, AlertsTransport, AlertsMailbox, AlertsFrom, IngestFeedbackFrom, ApplicationInsightsConnectionString, ApplicationInsightsAuthentication,
        ServePollSeconds, ServeSettleSeconds, ServeMaxAttempts,
    ];
}
