namespace Pmf.Pipeline.Storage;

/// <summary>What a store knows about one file.</summary>
/// <param name="Path">Where it is.</param>
/// <param name="Size">Length in bytes.</param>
/// <param name="LastModified">When it was last written; for a file in returns/, when it was received.</param>
/// <param name="Version">Opaque version (blob ETag; local: length and write time).</param>
/// <param name="Metadata">Name/value pairs such as <see cref="StorageMetadata.SubmissionId"/>; empty when there are none.</param>
public sealed record StoredFileInfo(
    StoredPath Path,
    long Size,
    DateTimeOffset LastModified,
    string Version,
    IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>Why the file's metadata was ignored (a local sidecar that is not a JSON object of strings); null when it was read.</summary>
    public string? MetadataProblem { get; init; }
}
