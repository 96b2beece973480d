namespace Pmf.Pipeline.Storage;

/// <summary>
/// Where returns wait and where they go afterwards. Two implementations keep the same conventions:
/// <see cref="BlobReturnStore"/> (Azure Blob Storage, Azurite in tests) and
/// <see cref="LocalFolderReturnStore"/> (a folder per container under one root).
/// </summary>
public interface IReturnStore
{
    /// <summary>Every file waiting in returns/, oldest first, whatever its name.</summary>
    Task<IReadOnlyList<WaitingFile>> ListWaitingAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Drops a return at <c>returns/&lt;service&gt;/&lt;file&gt;</c>, as a service would: what
    /// <c>pmf ingest</c> and the demo do with a file from disk. Replaces a file of the same name that
    /// is still waiting; <paramref name="sender"/>, when known, is recorded for the lineage.
    /// </summary>
    Task DropAsync(ReturnPath path, Stream content, string? sender, CancellationToken cancellationToken);

    /// <summary>What the store knows about <paramref name="path"/>, or null when no such file exists.</summary>
    Task<StoredFileInfo?> GetInfoAsync(StoredPath path, CancellationToken cancellationToken);

    /// <summary>
    /// Opens <paramref name="path"/> for reading from the start; the caller disposes the stream.
    /// Throws <see cref="FileNotFoundException"/> when the file is not there.
    /// </summary>
    Task<Stream> OpenReadAsync(StoredPath path, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a small artefact (a report, a reason) to <paramref name="path"/> in processed/ or
    /// rejected/, replacing any earlier one. Never into returns/ or catalogue/, where a write would
    /// be taken for a new drop.
    /// </summary>
    Task WriteArtefactAsync(StoredPath path, BinaryData content, string contentType, CancellationToken cancellationToken);

    /// <summary>
    /// Moves a return out of returns/ to <c>processed/</c> or <c>rejected/</c> as
    /// <c>&lt;service&gt;/&lt;yyyyMMddTHHmmssZ&gt;_&lt;file&gt;</c>, recording
    /// <see cref="StorageMetadata.SubmissionId"/> and <see cref="StorageMetadata.Verdict"/> on the
    /// moved file. The copy is verified before the original is deleted, so the file is never lost.
    /// Only the <paramref name="version"/> that was read is moved: a newer drop under the same name
    /// stays where it is.
    /// </summary>
    Task<ReturnCompletion> CompleteAsync(
        ReturnPath path,
        string version,
        ReturnDestination destination,
        string submissionId,
        string verdict,
        CancellationToken cancellationToken);

    /// <summary>
    /// Claims the waiting file <paramref name="name"/> for this process until the claim is disposed, so
    /// that two processes never read the same file; null when another process holds it. A claim dies
    /// with its process. The default grants every claim (Azure's blob trigger delivers a blob once).
    /// </summary>
    Task<IAsyncDisposable?> TryClaimAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable?>(NoClaim.Instance);

    /// <summary>
    /// Why the store will not read or move the waiting entry <paramref name="name"/> at all (a link, in a
    /// folder: following it would read or delete outside the store), or null when it may.
    /// </summary>
    Task<string?> RefusalAsync(string name, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    /// <summary>The waiting entry <paramref name="name"/>, whatever its name, or null when it is not there.</summary>
    async Task<WaitingFile?> FindWaitingAsync(string name, CancellationToken cancellationToken) =>
        (await ListWaitingAsync(cancellationToken)).FirstOrDefault(f => f.Name == name);

    /// <summary>
    /// Moves a waiting file whose name <see cref="ReturnPath.Parse"/> refuses (a sub-folder, a backslash,
    /// a name at the top of returns/…) to <paramref name="target"/> in rejected/, as
    /// <see cref="CompleteAsync"/> does; the moved path, or null when it was left in place. The default
    /// leaves it in place.
    /// </summary>
    Task<StoredPath?> SetAsideAsync(string name, string version, StoredPath target, string submissionId, CancellationToken cancellationToken) =>
        Task.FromResult<StoredPath?>(null);
}

/// <summary>The claim of a store that needs none.</summary>
internal sealed class NoClaim : IAsyncDisposable
{
    public static NoClaim Instance { get; } = new();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
