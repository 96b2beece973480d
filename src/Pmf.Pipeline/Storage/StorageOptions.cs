namespace Pmf.Pipeline.Storage;

/// <summary>
/// Where returns are stored (section <c>Pmf:Storage</c>). In Azure: <c>Kind=blob</c> and
/// <c>BlobServiceUri</c>, reached with the app's managed identity; no key anywhere.
/// </summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Pmf:Storage";

    /// <summary><see cref="Kind"/> for a folder on this machine.</summary>
    public const string LocalKind = "local";

    /// <summary><see cref="Kind"/> for Azure Blob Storage (or Azurite).</summary>
    public const string BlobKind = "blob";

    /// <summary><c>local</c> (default) or <c>blob</c>.</summary>
    public string Kind { get; set; } = LocalKind;

    /// <summary>The folder that holds returns/, processed/, rejected/ and catalogue/ when <see cref="Kind"/> is local.</summary>
    public string LocalRoot { get; set; } = "./pmf-storage";

    /// <summary>
    /// The blob endpoint, e.g. <c>https://pmfstore.blob.core.windows.net</c>, reached through
    /// <c>DefaultAzureCredential</c> (managed identity in Azure, your sign-in on a workstation).
    /// </summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>A storage connection string, for development against Azurite only.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>True when <see cref="Kind"/> is blob.</summary>
    public bool IsBlob => string.Equals(Kind?.Trim(), BlobKind, StringComparison.OrdinalIgnoreCase);

    /// <summary>The first problem with these settings as one sentence saying what to do, or null when they are usable.</summary>
    public string? Validate()
    {
        var kind = Kind?.Trim() ?? "";
        if (!kind.Equals(LocalKind, StringComparison.OrdinalIgnoreCase) && !kind.Equals(BlobKind, StringComparison.OrdinalIgnoreCase))
        {
            return $"{Section}:Kind is '{Kind}'; set it to local (a folder on this machine) or blob (Azure Blob Storage).";
        }

        if (!IsBlob)
        {
            return string.IsNullOrWhiteSpace(LocalRoot)
                ? $"{Section}:LocalRoot is empty; set it to the folder that holds returns/, processed/ and rejected/."
                : null;
        }

        var hasUri = BlobServiceUri is not null;
        var hasConnection = !string.IsNullOrWhiteSpace(ConnectionString);
        return (hasUri, hasConnection) switch
        {
            (false, false) => $"{Section}:Kind is blob but neither BlobServiceUri nor ConnectionString is set; set {Section}:BlobServiceUri to https://<account>.blob.core.windows.net, or ConnectionString for Azurite.",
            (true, true) => $"{Section}: both BlobServiceUri and ConnectionString are set; keep BlobServiceUri (identity-based) in Azure, or ConnectionString for Azurite, not both.",
            (true, false) when !BlobServiceUri!.IsAbsoluteUri || BlobServiceUri.Scheme != Uri.UriSchemeHttps
                => $"{Section}:BlobServiceUri is '{BlobServiceUri}'; it must be an https address such as https://<account>.blob.core.windows.net, because identity tokens are only sent over https.",
            _ => null,
        };
    }
}
