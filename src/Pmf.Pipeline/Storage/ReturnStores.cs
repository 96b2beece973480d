using Azure.Identity;
using Azure.Storage.Blobs;

namespace Pmf.Pipeline.Storage;

/// <summary>Builds the store the settings describe.</summary>
public static class ReturnStores
{
    /// <summary>
    /// The store for <paramref name="options"/>; throws <see cref="ConfigurationProblemException"/>
    /// when the settings are unusable.
    /// </summary>
    public static IReturnStore Create(StorageOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { } problem)
        {
            throw new ConfigurationProblemException(problem);
        }

        return options.IsBlob
            ? new BlobReturnStore(CreateBlobServiceClient(options), time)
            : new LocalFolderReturnStore(options.LocalRoot, time);
    }

    /// <summary>
    /// The blob client for <paramref name="options"/>: a connection string as given (Azurite), or
    /// <see cref="StorageOptions.BlobServiceUri"/> with <see cref="DefaultAzureCredential"/>.
    /// </summary>
    public static BlobServiceClient CreateBlobServiceClient(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new BlobServiceClient(options.ConnectionString);
        }

        return options.BlobServiceUri is { } uri
            ? new BlobServiceClient(uri, new DefaultAzureCredential())
            : throw new ConfigurationProblemException($"{StorageOptions.Section}:BlobServiceUri is not set; set it to https://<account>.blob.core.windows.net.");
    }
}
