namespace Pmf.Pipeline.Storage;

/// <summary>Walking the local store without ever following a link.</summary>
internal static class LocalEntries
{
    /// <summary>
    /// Every file under <paramref name="folder"/>, and every link as an entry of its own (a linked file or a
    /// linked folder, which is not descended into).
    /// </summary>
    public static IEnumerable<FileSystemInfo> Walk(DirectoryInfo folder)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = FileAttributes.None, IgnoreInaccessible = true };
        foreach (var entry in folder.EnumerateFileSystemInfos("*", options))
        {
            if (entry.LinkTarget is not null || entry is FileInfo)
            {
                yield return entry;
            }
            else if (entry is DirectoryInfo sub)
            {
                foreach (var inner in Walk(sub))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>
    /// The first part of <paramref name="name"/> ('/'-separated, under <paramref name="container"/>) that is
    /// a link, as a name relative to the container; null when no part is.
    /// </summary>
    public static string? LinkIn(string container, string name)
    {
        var current = container;
        var parts = name.Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            current = Path.Combine(current, parts[i]);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (info.LinkTarget is not null)
            {
                return string.Join('/', parts[..(i + 1)]);
            }
        }

        return null;
    }

    /// <summary>
    /// Deletes files matching <paramref name="pattern"/> under <paramref name="folder"/> that nobody holds
    /// open exclusively and nobody wrote for <paramref name="quiet"/>: what a killed process or a full disk
    /// left half-written. (A live writer closes its file a moment before renaming it; the quiet time keeps
    /// the sweep out of that moment.)
    /// </summary>
    public static void DeleteAbandoned(DirectoryInfo folder, string pattern, TimeSpan quiet)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        // File times are the real clock's, whatever clock the pipeline runs on.
        var before = TimeProvider.System.GetUtcNow().UtcDateTime - quiet;
        foreach (var file in folder.EnumerateFiles(pattern, options))
        {
            if (file.LastWriteTimeUtc > before)
            {
                continue;
            }

            try
            {
                using (new FileStream(file.FullName, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
                {
                }

                file.Delete();
            }
            catch (IOException)
            {
                // Still being written by a live process.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to clean.
            }
        }
    }
}
