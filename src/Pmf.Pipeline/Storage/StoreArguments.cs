namespace Pmf.Pipeline.Storage;

/// <summary>The argument rules both stores share, so they refuse the same calls with the same words.</summary>
internal static class StoreArguments
{
    /// <summary>The local store's metadata sidecar suffix; reserved on both stores so they stay alike.</summary>
    public const string SidecarSuffix = ".meta.json";

    /// <summary>Throws unless <paramref name="path"/> may take an artefact.</summary>
    public static void CheckArtefact(StoredPath path, string contentType)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        if (path.Container is not (StorageContainers.Processed or StorageContainers.Rejected))
        {
            throw new ArgumentException($"{path} is not in processed/ or rejected/; an artefact written to {path.Container}/ would be taken for a new drop.", nameof(path));
        }

        if (path.Name.EndsWith(SidecarSuffix, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"{path} ends with {SidecarSuffix}, which is reserved for metadata.", nameof(path));
        }
    }

    /// <summary>The metadata a completed return carries, after checking each value fits a blob header.</summary>
    public static Dictionary<string, string> CompletionMetadata(string submissionId, string verdict) => new(StringComparer.Ordinal)
    {
        [StorageMetadata.SubmissionId] = HeaderValue(submissionId, nameof(submissionId)),
        [StorageMetadata.Verdict] = HeaderValue(verdict, nameof(verdict)),
    };

    private static string HeaderValue(string value, string parameter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, parameter);
        if (value.Length > 256 || value.Trim() != value || value.Any(c => c is < ' ' or > '~'))
        {
            throw new ArgumentException($"'{value}' must be at most 256 printable ASCII characters with no surrounding spaces, to travel as blob metadata.", parameter);
        }

        return value;
    }
}
