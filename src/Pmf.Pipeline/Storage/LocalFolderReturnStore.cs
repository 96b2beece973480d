using System.Globalization;
using System.Security.Cryptography;

namespace Pmf.Pipeline.Storage;

/// <summary>
/// The returns store as a folder per container under one root (<c>&lt;root&gt;/returns/HOU/q1.xlsx</c>),
/// for <c>pmf serve</c> on one machine. Metadata lives in <c>&lt;file&gt;.meta.json</c> sidecars.
/// </summary>
public sealed class LocalFolderReturnStore : IReturnStore
{
    private readonly string _root;
    private readonly TimeProvider _time;
    private bool _ready;

    /// <summary>Creates the store over <paramref name="root"/>; the folders are made on first use.</summary>
    public LocalFolderReturnStore(string root, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        _root = Path.GetFullPath(root);
        _time = time;
    }

    /// <summary>The full path of the root folder.</summary>
    public string Root => _root;

    /// <summary>Where a file being dropped is written before it is renamed into returns/, so no one lists half a file.</summary>
    internal const string IncomingFolder = ".incoming";

    /// <summary>Where the lock files that claim a waiting file live (see <see cref="TryClaimAsync"/>).</summary>
    internal const string ClaimsFolder = ".claims";

    /// <summary>How long a half-written file must have been left alone before a start-up sweep deletes it.</summary>
    internal static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(10);

    /// <summary>The suffix of a file still being written; never listed as waiting.</summary>
    internal const string PartialSuffix = ".partial";

    /// <inheritdoc />
    /// <remarks>
    /// Links are listed as entries of their own and never followed: a linked file or folder is not read,
    /// copied or moved (see <see cref="RefusalAsync"/>). Files ending <c>.partial</c> are being written and
    /// are not listed.
    /// </remarks>
    public Task<IReadOnlyList<WaitingFile>> ListWaitingAsync(CancellationToken cancellationToken)
    {
        EnsureFolders();
        var returns = Path.Combine(_root, StorageContainers.Returns);
        IReadOnlyList<WaitingFile> waiting = [.. LocalEntries.Walk(new DirectoryInfo(returns))
            .Where(f => f.LinkTarget is not null || !f.Name.EndsWith(PartialSuffix, StringComparison.Ordinal))
            .Select(f => Waiting(returns, f))
            .OrderBy(f => f.ReceivedAt)
            .ThenBy(f => f.Name, StringComparer.Ordinal)];
        return Task.FromResult(waiting);
    }

    /// <inheritdoc />
    public Task<WaitingFile?> FindWaitingAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        EnsureFolders();
        var returns = Path.Combine(_root, StorageContainers.Returns);
        var full = Path.GetFullPath(Path.Combine(returns, name));
        if (!full.StartsWith(returns + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.GetRelativePath(returns, full) != name)
        {
            return Task.FromResult<WaitingFile?>(null);
        }

        FileSystemInfo entry = new FileInfo(full);
        if (!entry.Exists && entry.LinkTarget is null)
        {
            entry = new DirectoryInfo(full);
            if (!entry.Exists || entry.LinkTarget is null)
            {
                return Task.FromResult<WaitingFile?>(null);
            }
        }

        return Task.FromResult<WaitingFile?>(Waiting(returns, entry));
    }

    /// <inheritdoc />
    public Task<string?> RefusalAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        EnsureFolders();
        return Task.FromResult(LocalEntries.LinkIn(Path.Combine(_root, StorageContainers.Returns), name) is { } link
            ? $"'{NameRules.Display(name)}' is a link{(link == name ? "" : $" (through {NameRules.Display(link)})")}, not a file; links are never followed, so it was not read and is left where it is. Drop the file itself in returns/<service code>/."
            : null);
    }

    /// <inheritdoc />
    /// <remarks>
    /// An exclusive lock on <c>.claims/&lt;hash of the name&gt;.lock</c> (flock on Linux, a share lock on
    /// Windows), released when the claim is disposed or the process dies, so a killed ingest never
    /// leaves a file claimed.
    /// </remarks>
    public Task<IAsyncDisposable?> TryClaimAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        EnsureFolders();
        var hash = Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)))[..32];
        var file = Path.Combine(_root, ClaimsFolder, hash + ".lock");
        try
        {
            return Task.FromResult<IAsyncDisposable?>(new FileStream(file, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException) when (File.Exists(file))
        {
            return Task.FromResult<IAsyncDisposable?>(null);
        }
    }

    /// <inheritdoc />
    public async Task<StoredPath?> SetAsideAsync(string name, string version, StoredPath target, string submissionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        EnsureFolders();
        var returns = Path.Combine(_root, StorageContainers.Returns);
        if (await FindWaitingAsync(name, cancellationToken) is not { } waiting || waiting.Version != version
            || LocalEntries.LinkIn(returns, name) is not null)
        {
            return null;
        }

        var source = Path.Combine(returns, name);
        var targetFull = FullPath(target);
        Directory.CreateDirectory(Path.GetDirectoryName(targetFull)!);
        await MetadataSidecar.CreateAsync(targetFull, StoreArguments.CompletionMetadata(submissionId, "Rejected"), cancellationToken);
        await CopyVerifiedAsync(source, targetFull, cancellationToken);
        var after = new FileInfo(source);
        if (after.Exists && VersionOf(after) == version)
        {
            after.Delete();
        }

        return target;
    }

    /// <inheritdoc />
    public async Task DropAsync(ReturnPath path, Stream content, string? sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(content);
        EnsureFolders();
        var target = FullPath(path.Stored);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);

        // Written outside returns/ under a short name, then renamed in: nobody lists half a file, and a
        // 253-character name needs no room for a suffix. Held exclusively while written, so a start-up
        // sweep can tell a live one from one a kill left behind.
        var partial = Path.Combine(_root, IncomingFolder, Guid.NewGuid().ToString("N") + PartialSuffix);
        await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
        {
            await content.CopyToAsync(file, cancellationToken);
        }

        // A folder has no metadata beside a file that is not itself listed as a drop, so the local
        // store does not keep the sender: the head of service answers for the return.
        File.Move(partial, target, overwrite: true);
    }

    /// <summary>
    /// Sets when a dropped file arrived: its last-modified time, which the gate records as received. For the
    /// demo, whose returns each arrive on their own day rather than all on the day it runs.
    /// </summary>
    internal void SetArrival(ReturnPath path, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(path);
        File.SetLastWriteTimeUtc(FullPath(path.Stored), receivedAt.UtcDateTime);
    }

    /// <inheritdoc />
    public async Task<StoredFileInfo?> GetInfoAsync(StoredPath path, CancellationToken cancellationToken)
    {
        EnsureFolders();
        var file = new FileInfo(FullPath(path));
        if (!file.Exists || Linked(path))
        {
            return null;
        }

        var (metadata, problem) = await MetadataSidecar.ReadAsync(file.FullName, cancellationToken);
        return new StoredFileInfo(path, file.Length, file.LastWriteTimeUtc, VersionOf(file), metadata) { MetadataProblem = problem };
    }

    /// <inheritdoc />
    public Task<Stream> OpenReadAsync(StoredPath path, CancellationToken cancellationToken)
    {
        EnsureFolders();
        if (Linked(path))
        {
            throw new IOException($"{path} is a link or lies in a linked folder; links are never followed.");
        }

        try
        {
            Stream stream = new FileStream(FullPath(path), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FileNotFoundException($"{path} is not in the store at {_root}.", FullPath(path), e);
        }
    }

    /// <inheritdoc />
    public async Task WriteArtefactAsync(StoredPath path, BinaryData content, string contentType, CancellationToken cancellationToken)
    {
        StoreArguments.CheckArtefact(path, contentType);
        ArgumentNullException.ThrowIfNull(content);
        EnsureFolders();
        var target = FullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);

        // Write aside and rename, so a reader never sees half a report.
        var partial = target + PartialSuffix;
        await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
        {
            await file.WriteAsync(content.ToMemory(), cancellationToken);
        }

        File.Move(partial, target, overwrite: true);
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
        EnsureFolders();
        var source = new FileInfo(FullPath(path.Stored));
        if (!source.Exists || Linked(path.Stored))
        {
            return new ReturnCompletion(CompletionStatus.AlreadyGone, path, null);
        }

        if (VersionOf(source) != version)
        {
            return new ReturnCompletion(CompletionStatus.Changed, path, null);
        }

        var at = _time.GetUtcNow();
        for (var attempt = 1; attempt <= CompletedName.MaxAttempts; attempt++)
        {
            var target = CompletedName.For(path, destination, at, attempt);
            var targetFull = FullPath(target);
            Directory.CreateDirectory(Path.GetDirectoryName(targetFull)!);
            try
            {
                // Creating the sidecar claims the name; a second completion in the same second takes the next.
                await MetadataSidecar.CreateAsync(targetFull, metadata, cancellationToken);
            }
            catch (IOException) when (File.Exists(MetadataSidecar.PathFor(targetFull)))
            {
                continue;
            }

            try
            {
                await CopyVerifiedAsync(source.FullName, targetFull, cancellationToken);
            }
            catch (Exception)
            {
                // Release the claimed name; the original is untouched.
                File.Delete(MetadataSidecar.PathFor(targetFull));
                if (!File.Exists(source.FullName))
                {
                    return new ReturnCompletion(CompletionStatus.AlreadyGone, path, null);
                }

                throw;
            }

            source.Refresh();
            if (source.Exists && VersionOf(source) == version)
            {
                source.Delete();
            }

            return new ReturnCompletion(CompletionStatus.Moved, path, target);
        }

        throw new IOException($"Could not find a free name for {path} in {StorageContainers.For(destination)}/ after {CompletedName.MaxAttempts} tries.");
    }

    private static string VersionOf(FileInfo file) =>
        string.Create(CultureInfo.InvariantCulture, $"{file.Length:x}-{file.LastWriteTimeUtc.Ticks:x}");

    /// <summary>Copies aside, checks the copy's SHA-256 against what was read, then renames it into place.</summary>
    private static async Task CopyVerifiedAsync(string source, string target, CancellationToken cancellationToken)
    {
        var partial = target + PartialSuffix;
        try
        {
            await CopyAsync(source, partial, target, cancellationToken);
        }
        catch
        {
            // A full disk or a failed check: no half copy is left behind to be mistaken for anything.
            File.Delete(partial);
            throw;
        }
    }

    private static async Task CopyAsync(string source, string partial, string target, CancellationToken cancellationToken)
    {
        byte[] expected;
        await using (var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous))
        await using (var to = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
        using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            await to.FlushAsync(cancellationToken);
            to.Flush(flushToDisk: true);
            expected = hash.GetHashAndReset();
        }

        byte[] actual;
        await using (var copy = File.OpenRead(partial))
        {
            actual = await SHA256.HashDataAsync(copy, cancellationToken);
        }

        if (!expected.AsSpan().SequenceEqual(actual))
        {
            throw new IOException($"The copy of {source} at {partial} does not match the original; the original is left in place.");
        }

        File.Move(partial, target, overwrite: false);
    }

    private static WaitingFile Waiting(string returns, FileSystemInfo entry)
    {
        var name = Path.GetRelativePath(returns, entry.FullName).Replace(Path.DirectorySeparatorChar, '/');
        if (entry.LinkTarget is { } target)
        {
            // A link's version is where it points: it is judged once, and again only if re-pointed.
            var hash = Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(target)))[..16];
            return new WaitingFile(name, 0, DateTimeOffset.UnixEpoch, "link-" + hash);
        }

        var file = (FileInfo)entry;
        return new WaitingFile(name, file.Length, file.LastWriteTimeUtc, VersionOf(file));
    }

    private bool Linked(StoredPath path) =>
        LocalEntries.LinkIn(Path.Combine(_root, path.Container), path.Name) is not null;

    private string FullPath(StoredPath path)
    {
        var container = Path.Combine(_root, path.Container);
        var full = Path.GetFullPath(Path.Combine(container, path.Name.Replace('/', Path.DirectorySeparatorChar)));
        if (!full.StartsWith(container + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"{path} resolves outside {container}.", nameof(path));
        }

        return full;
    }

    private void EnsureFolders()
    {
        if (_ready)
        {
            return;
        }

        foreach (var container in StorageContainers.All.Append(IncomingFolder).Append(ClaimsFolder))
        {
            Directory.CreateDirectory(Path.Combine(_root, container));
        }

        // What a killed or out-of-space run left half-written; live ones are held open and skipped.
        LocalEntries.DeleteAbandoned(new DirectoryInfo(Path.Combine(_root, IncomingFolder)), "*" + PartialSuffix, AbandonedAfter);
        LocalEntries.DeleteAbandoned(new DirectoryInfo(Path.Combine(_root, StorageContainers.Processed)), "*" + PartialSuffix, AbandonedAfter);
        LocalEntries.DeleteAbandoned(new DirectoryInfo(Path.Combine(_root, StorageContainers.Rejected)), "*" + PartialSuffix, AbandonedAfter);
        _ready = true;
    }
}
