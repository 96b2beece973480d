using Pmf.Pipeline.Storage;

namespace Pmf.Pipeline.Jobs;

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
}
