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

    /// <inheritdoc />
    public Task<IReadOnlyList<WaitingFile>> ListWaitingAsync(CancellationToken cancellationToken)
    {
        EnsureFolders();
        var returns = Path.Combine(_root, StorageContainers.Returns);
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.None };
        IReadOnlyList<WaitingFile> waiting = [.. new DirectoryInfo(returns).EnumerateFiles("*", options)
            .Select(f => new WaitingFile(
                Path.GetRelativePath(returns, f.FullName).Replace(Path.DirectorySeparatorChar, '/'),
                f.Length,
                f.LastWriteTimeUtc,
                VersionOf(f)))
            .OrderBy(f => f.ReceivedAt)
            .ThenBy(f => f.Name, StringComparer.Ordinal)];
        return Task.FromResult(waiting);
    }

    /// <inheritdoc />
    public async Task DropAsync(ReturnPath path, Stream content, string? sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(content);
        EnsureFolders();
        var target = FullPath(path.Stored);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        await using (var file = File.Create(partial))
        {
            await content.CopyToAsync(file, cancellationToken);
        }

        // A folder has no metadata beside a file that is not itself listed as a drop, so the local
        // store does not keep the sender: the head of service answers for the return.
        File.Move(partial, target, overwrite: true);
    }

    /// <inheritdoc />
    public async Task<StoredFileInfo?> GetInfoAsync(StoredPath path, CancellationToken cancellationToken)
    {
        EnsureFolders();
        var file = new FileInfo(FullPath(path));
        if (!file.Exists)
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
        var partial = target + ".partial";
        await File.WriteAllBytesAsync(partial, content.ToArray(), cancellationToken);
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
        if (!source.Exists)
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
        var partial = target + ".partial";
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
            File.Delete(partial);
            throw new IOException($"The copy of {source} at {partial} does not match the original; the original is left in place.");
        }

        File.Move(partial, target, overwrite: false);
    }

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

        foreach (var container in StorageContainers.All)
        {
            Directory.CreateDirectory(Path.Combine(_root, container));
        }

        _ready = true;
    }
}
