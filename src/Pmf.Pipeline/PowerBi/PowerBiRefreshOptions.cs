namespace Pmf.Pipeline.PowerBi;

/// <summary>
/// Refresh of the published semantic model after loads, bound from <c>Pmf:PowerBi</c>
/// (environment variables <c>Pmf__PowerBi__WorkspaceId</c>, <c>Pmf__PowerBi__DatasetId</c>…).
/// Off until both ids are set. The token comes from Azure.Identity (managed identity in Azure), so
/// no secret is stored; the identity needs to be a member of the workspace.
/// </summary>
public sealed class PowerBiRefreshOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Pmf:PowerBi";

    /// <summary>The Entra scope of the Power BI REST API.</summary>
    public const string Scope = "https://analysis.windows.net/powerbi/api/.default";

    /// <summary>The Power BI workspace (group) id.</summary>
    public string? WorkspaceId { get; set; }

    /// <summary>The semantic model (dataset) id.</summary>
    public string? DatasetId { get; set; }

    /// <summary>At most one refresh is requested per this interval, however many loads happen. Default 15 minutes.</summary>
    public TimeSpan MinimumInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The first wait after a failed request; it doubles on each failure, up to <see cref="MinimumInterval"/>. Default 1 minute.</summary>
    public TimeSpan RetryAfterFailure { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The REST API's address. Default <c>https://api.powerbi.com/</c>.</summary>
    public Uri ApiAddress { get; set; } = new("https://api.powerbi.com/");

    /// <summary>Whether refresh after load is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(WorkspaceId) && !string.IsNullOrWhiteSpace(DatasetId);

    /// <summary>The request path: <c>v1.0/myorg/groups/{workspace}/datasets/{dataset}/refreshes</c>.</summary>
    public string RefreshPath => $"v1.0/myorg/groups/{Uri.EscapeDataString(WorkspaceId ?? string.Empty)}/datasets/{Uri.EscapeDataString(DatasetId ?? string.Empty)}/refreshes";

    /// <summary>Checks the settings.</summary>
    /// <returns><see langword="null"/> when usable (or simply off), otherwise one sentence saying what to fix.</returns>
    public string? Validate()
    {
        if (string.IsNullOrWhiteSpace(WorkspaceId) != string.IsNullOrWhiteSpace(DatasetId))
        {
            return $"{Section}: set both WorkspaceId and DatasetId to refresh Power BI after loads, or neither to leave it off.";
        }

        if (MinimumInterval <= TimeSpan.Zero || RetryAfterFailure <= TimeSpan.Zero)
        {
            return $"{Section}:MinimumInterval and RetryAfterFailure must be positive durations such as 00:15:00.";
        }

        return null;
    }
}
