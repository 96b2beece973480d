using System.Text.Json;

namespace Pmf.Pipeline.Storage;

/// <summary>The local store's stand-in for blob metadata: <c>&lt;file&gt;.meta.json</c> beside the file.</summary>
internal static class MetadataSidecar
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The sidecar path for the file at <paramref name="fullPath"/>.</summary>
    public static string PathFor(string fullPath) => fullPath + StoreArguments.SidecarSuffix;

    /// <summary>
    /// Creates the sidecar, failing with <see cref="IOException"/> if it already exists: creating it
    /// is how a completion claims a destination name.
    /// </summary>
    public static async Task CreateAsync(string fullPath, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(PathFor(fullPath), FileMode.CreateNew, FileAccess.Write, FileShare.None);
        await JsonSerializer.SerializeAsync(file, metadata, Indented, cancellationToken);
    }

    /// <summary>The metadata beside <paramref name="fullPath"/>, or empty when there is no sidecar.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ReadAsync(string fullPath, CancellationToken cancellationToken)
    {
        var sidecar = PathFor(fullPath);
        if (!File.Exists(sidecar))
        {
            return new Dictionary<string, string>();
        }

        await using var file = File.OpenRead(sidecar);
        try
        {
            return await JsonSerializer.DeserializeAsync<Dictionary<string, string>>(file, cancellationToken: cancellationToken)
                ?? new Dictionary<string, string>();
        }
        catch (JsonException e)
        {
            throw new IOException($"The metadata file {sidecar} is not a JSON object of strings: {e.Message}", e);
        }
    }
}
