namespace Pmf.Pipeline.Storage;

/// <summary>
/// Metadata keys written on a completed return (blob metadata; for the local store a
/// <c>&lt;name&gt;.meta.json</c> sidecar). Keys are valid C# identifiers, as blob metadata requires.
/// </summary>
public static class StorageMetadata
{
    /// <summary>The submission the file became.</summary>
    public const string SubmissionId = "submission_id";

    /// <summary>The pipeline's verdict on the file, a short code such as <c>accepted</c> or <c>rejected</c>.</summary>
    public const string Verdict = "verdict";

    /// <summary>
    /// Who dropped the file, when the uploader records it (e.g. a Power Automate flow or upload
    /// page sets it); otherwise the head of service answers for the return.
    /// </summary>
    public const string Sender = "sender";
}
