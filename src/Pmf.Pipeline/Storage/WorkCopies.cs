using System.Security.Cryptography;

namespace Pmf.Pipeline.Storage;

/// <summary>
/// The local copy of a return being read (the reader needs to seek): in one folder under the temp
/// folder, held exclusively while in use and deleted when closed. A copy a killed process left behind
/// is no longer held, and the next run deletes it.
/// </summary>
internal static class WorkCopies
{
    /// <summary>The folder the copies live in.</summary>
    public static string Folder { get; } = Path.Combine(Path.GetTempPath(), "pmf-work");

    /// <summary>A new, empty copy, open for writing and then reading.</summary>
    public static FileStream Create(string extension)
    {
        Directory.CreateDirectory(Folder);
        return new FileStream(
            Path.Combine(Folder, Guid.NewGuid().ToString("N") + extension),
            FileMode.CreateNew,
            FileAccess.ReadWrite,
            FileShare.None,
            81920,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose);
    }

    /// <summary>Deletes the copies no live process holds.</summary>
    public static void DeleteAbandoned()
    {
        if (Directory.Exists(Folder))
        {
            LocalEntries.DeleteAbandoned(new DirectoryInfo(Folder), "*", TimeSpan.Zero);
        }
    }

    /// <summary>
    /// Copies the stored file at <paramref name="path"/> into <paramref name="copy"/> in one pass, hashing
    /// the bytes on the way; returns their SHA-256 in hex (the submission's content hash).
    /// </summary>
    public static async Task<string> DownloadAsync(IReturnStore store, StoredPath path, FileStream copy, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var source = await store.OpenReadAsync(path, cancellationToken);
        var buffer = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await copy.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
