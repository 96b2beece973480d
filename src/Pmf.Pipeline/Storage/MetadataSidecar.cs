using System.Text;
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

    /// <summary>
    /// The metadata beside <paramref name="fullPath"/>: empty when there is no sidecar, and empty with the
    /// reason when the sidecar is not a JSON object of strings (a hand-edited or damaged sidecar must not
    /// stop every run; the metadata only ever names who sent the file).
    /// </summary>
    public static async Task<(IReadOnlyDictionary<string, string> Metadata, string? Problem)> ReadAsync(string fullPath, CancellationToken cancellationToken)
    {
        var sidecar = PathFor(fullPath);
        if (!File.Exists(sidecar))
        {
            return (new Dictionary<string, string>(), null);
        }

        await using var file = File.OpenRead(sidecar);
        try
        {
            return (await JsonSerializer.DeserializeAsync<Dictionary<string, string>>(file, cancellationToken: cancellationToken)
                ?? new Dictionary<string, string>(), null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or DecoderFallbackException)
        {
            return (new Dictionary<string, string>(), $"{sidecar} is not a JSON object of strings ({e.Message}); the file is read without it.");
        }
    }
}
