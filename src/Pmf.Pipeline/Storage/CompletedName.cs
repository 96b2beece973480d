using System.Globalization;
using System.Text;

namespace Pmf.Pipeline.Storage;

/// <summary>
/// Names a completed return <c>&lt;service&gt;/&lt;yyyyMMddTHHmmssZ&gt;_&lt;file&gt;</c>: the stamp
/// keeps every drop of the same file name apart and sorts them in the order they were completed.
/// </summary>
internal static class CompletedName
{
    /// <summary>
    /// The longest completed file name in UTF-8 bytes. Leaves room under the 255-byte file-name limit
    /// for a report suffix such as <c>.report.html</c>.
    /// </summary>
    public const int MaxFileNameBytes = 200;

    /// <summary>How many names a completion tries before giving up (same file, same second, again and again).</summary>
    public const int MaxAttempts = 20;

    /// <summary>
    /// The path <paramref name="source"/> moves to when completed at <paramref name="at"/>. The name is
    /// never reused: when it is taken (the same file name completed twice in one second),
    /// <paramref name="attempt"/> 2, 3… gives <c>yyyyMMddTHHmmssZ-2_&lt;file&gt;</c> and so on.
    /// </summary>
    public static StoredPath For(ReturnPath source, ReturnDestination destination, DateTimeOffset at, int attempt = 1)
    {
        var stamp = at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)
            + (attempt > 1 ? string.Create(CultureInfo.InvariantCulture, $"-{attempt}") : "")
            + "_";
        return new StoredPath(StorageContainers.For(destination), $"{source.Service}/{Shorten(stamp, source.FileName)}");
    }

    /// <summary>
    /// Where a file whose name could not be read as <c>&lt;service&gt;/&lt;file&gt;</c> is set aside in
    /// rejected/: <c>&lt;folder&gt;/&lt;stamp&gt;_&lt;submission&gt;_&lt;safe name&gt;</c>, the name made safe
    /// by <see cref="SafeFileName"/> and the submission id keeping every such file apart.
    /// </summary>
    public static StoredPath SetAside(string folder, string fileName, long submissionId, DateTimeOffset at)
    {
        var stamp = at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)
            + string.Create(CultureInfo.InvariantCulture, $"_{submissionId}_");
        return new StoredPath(StorageContainers.Rejected, $"{SafeFileName.Of(folder)}/{Shorten(stamp, SafeFileName.Of(fileName))}");
    }

    private static string Shorten(string stamp, string fileName)
    {
        var budget = MaxFileNameBytes - Encoding.UTF8.GetByteCount(stamp);
        if (Encoding.UTF8.GetByteCount(fileName) <= budget)
        {
            return stamp + fileName;
        }

        // Shorten the stem and keep the extension, unless the extension alone is too long.
        var extension = Path.GetExtension(fileName);
        var stemBudget = budget - Encoding.UTF8.GetByteCount(extension);
        return stemBudget > 0
            ? stamp + Prefix(fileName[..^extension.Length], stemBudget) + extension
            : stamp + Prefix(fileName, budget);
    }

    /// <summary>The longest prefix within <paramref name="maxBytes"/>, never cutting a character or accent in half.</summary>
    private static string Prefix(string text, int maxBytes)
    {
        var end = 0;
        foreach (var start in StringInfo.ParseCombiningCharacters(text).Append(text.Length))
        {
            if (Encoding.UTF8.GetByteCount(text.AsSpan(0, start)) > maxBytes)
            {
                break;
            }

            end = start;
        }

        return text[..end].TrimEnd(' ', '.');
    }
}
