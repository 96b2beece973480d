using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Pmf.Pipeline.Storage;

/// <summary>
/// The returns store on Azure Blob Storage: one container per <see cref="StorageContainers"/> name.
/// Completion is a server-side copy within the account (Copy Blob, which the caller's own identity
/// authorises for a source in the same account), verified, then a conditional delete.
/// </summary>
public sealed class BlobReturnStore(BlobServiceClient service, TimeProvider time) : IReturnStore
{
    private bool _ready;

    /// <inheritdoc />
    public async Task<IReadOnlyList<WaitingFile>> ListWaitingAsync(CancellationToken cancellationToken)
    {
        var returns = await ContainerAsync(StorageContainers.Returns, cancellationToken);
        var waiting = new List<WaitingFile>();
        await foreach (var blob in returns.GetBlobsAsync(new GetBlobsOptions(), cancellationToken))
        {
            var properties = blob.Properties;
            waiting.Add(new WaitingFile(
                blob.Name,
                properties.ContentLength ?? 0,
                properties.LastModified ?? properties.CreatedOn ?? DateTimeOffset.MinValue,
                properties.ETag is { } etag ? VersionOf(etag) : ""));
        }

        return [.. waiting.OrderBy(f => f.ReceivedAt).ThenBy(f => f.Name, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async Task<StoredFileInfo?> GetInfoAsync(StoredPath path, CancellationToken cancellationToken)
    {
        var blob = (await ContainerAsync(path.Container, cancellationToken)).GetBlobClient(path.Name);
        try
        {
            BlobProperties properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
            return new StoredFileInfo(path, properties.ContentLength, properties.LastModified, VersionOf(properties.ETag), properties.Metadata.AsReadOnly());
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task DropAsync(ReturnPath path, Stream content, string? sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        var blob = (await ContainerAsync(StorageContainers.Returns, cancellationToken)).GetBlobClient(path.Name);
        var options = new BlobUploadOptions
        {
            Metadata = sender is null ? null : new Dictionary<string, string> { [StorageMetadata.Sender] = sender },
        };
        await blob.UploadAsync(content, options, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Stream> OpenReadAsync(StoredPath path, CancellationToken cancellationToken)
    {
        var blob = (await ContainerAsync(path.Container, cancellationToken)).GetBlobClient(path.Name);
        try
        {
            // allowModifications: false makes a read fail, rather than mix versions, if the blob is replaced mid-read.
            return await blob.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new FileNotFoundException($"{path} is not in the store at {service.Uri}.", path.ToString(), e);
        }
    }

    /// <inheritdoc />
    public async Task WriteArtefactAsync(StoredPath path, BinaryData content, string contentType, CancellationToken cancellationToken)
    {
        StoreArguments.CheckArtefact(path, contentType);
        ArgumentNullException.ThrowIfNull(content);
        var blob = (await ContainerAsync(path.Container, cancellationToken)).GetBlobClient(path.Name);
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } };
        await blob.UploadAsync(content, options, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ReturnCompletion> CompleteAsync(
        ReturnPath path,
        string version,
        ReturnDestination destination,
        string submissionId,
        string verdict,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        var metadata = StoreArguments.CompletionMetadata(submissionId, verdict);
        var source = (await ContainerAsync(StorageContainers.Returns, cancellationToken)).GetBlobClient(path.Name);
        BlobProperties original;
        try
        {
            original = await source.GetPropertiesAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return new ReturnCompletion(CompletionStatus.AlreadyGone, path, null);
        }

        if (VersionOf(original.ETag) != version)
        {
            return new ReturnCompletion(CompletionStatus.Changed, path, null);
        }

        // Keep whatever metadata the sender's tool set; ours wins on a clash.
        foreach (var pair in original.Metadata)
        {
            metadata.TryAdd(pair.Key, pair.Value);
        }

        var at = time.GetUtcNow();
        var container = await ContainerAsync(StorageContainers.For(destination), cancellationToken);
        for (var attempt = 1; attempt <= CompletedName.MaxAttempts; attempt++)
        {
            var target = CompletedName.For(path, destination, at, attempt);
            var copy = container.GetBlobClient(target.Name);
            var outcome = await CopyAsync(source, copy, original.ETag, metadata, cancellationToken);
            switch (outcome)
            {
                case CopyOutcome.NameTaken:
                    continue;
                case CopyOutcome.SourceGone:
                    return new ReturnCompletion(CompletionStatus.AlreadyGone, path, null);
                case CopyOutcome.SourceChanged:
                    return new ReturnCompletion(CompletionStatus.Changed, path, null);
            }

            await VerifyAsync(source, copy, original, cancellationToken);
            await DeleteOriginalAsync(source, original.ETag, cancellationToken);
            return new ReturnCompletion(CompletionStatus.Moved, path, target);
        }

        throw new IOException($"Could not find a free name for {path} in {container.Name}/ after {CompletedName.MaxAttempts} tries.");
    }

    /// <summary>
    /// A blob's version as one string: listings and property reads spell the same ETag with or without
    /// quotes, and a version read from one must match the other.
    /// </summary>
    internal static string VersionOf(ETag etag) => etag.ToString().Trim('"');

    private static async Task<CopyOutcome> CopyAsync(BlobClient source, BlobClient copy, ETag version, Dictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var options = new BlobCopyFromUriOptions
        {
            Metadata = metadata,
            SourceConditions = new BlobRequestConditions { IfMatch = version },
            DestinationConditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
        };
        try
        {
            var operation = await copy.StartCopyFromUriAsync(source.Uri, options, cancellationToken);
            await operation.WaitForCompletionAsync(cancellationToken);
            return CopyOutcome.Copied;
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.BlobAlreadyExists || e.ErrorCode == BlobErrorCode.TargetConditionNotMet)
        {
            return CopyOutcome.NameTaken;
        }
        catch (RequestFailedException e) when (e.Status == 404 && e.ErrorCode != BlobErrorCode.ContainerNotFound)
        {
            return CopyOutcome.SourceGone;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // Azure says SourceConditionNotMet; Azurite 3.37 says ConditionNotMet. Either way the source moved on.
            return CopyOutcome.SourceChanged;
        }
    }

    /// <summary>The copy must have finished and match the original's length and MD5 before the original goes.</summary>
    private static async Task VerifyAsync(BlobClient source, BlobClient copy, BlobProperties original, CancellationToken cancellationToken)
    {
        BlobProperties copied = await copy.GetPropertiesAsync(cancellationToken: cancellationToken);
        var sameHash = original.ContentHash is not { Length: > 0 } || copied.ContentHash is not { Length: > 0 }
            || original.ContentHash.AsSpan().SequenceEqual(copied.ContentHash);
        if (copied.CopyStatus == CopyStatus.Success && copied.ContentLength == original.ContentLength && sameHash)
        {
            return;
        }

        await copy.DeleteIfExistsAsync(cancellationToken: cancellationToken);
        throw new IOException(
            $"The copy of {source.BlobContainerName}/{source.Name} at {copy.BlobContainerName}/{copy.Name} did not verify "
            + $"(status {copied.CopyStatus}, {copied.ContentLength} of {original.ContentLength} bytes); the original is left in place.");
    }

    private static async Task DeleteOriginalAsync(BlobClient source, ETag version, CancellationToken cancellationToken)
    {
        try
        {
            await source.DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, new BlobRequestConditions { IfMatch = version }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // A newer file was dropped under the same name after the copy: it stays to be read in its turn.
        }
    }

    private async Task<BlobContainerClient> ContainerAsync(string name, CancellationToken cancellationToken)
    {
        if (!_ready)
        {
            foreach (var container in StorageContainers.All)
            {
                await service.GetBlobContainerClient(container).CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken);
            }

            _ready = true;
        }

        return service.GetBlobContainerClient(name);
    }

    private enum CopyOutcome
    {
        Copied,
        NameTaken,
        SourceGone,
        SourceChanged,
    }
}
