namespace Pmf.Pipeline.Warehouse;

/// <summary>Where a submission came from: everything the <c>submission</c> row records before its rows are read.</summary>
public sealed record IncomingSubmission
{
    /// <summary>The hash of the file's bytes (or of a pull's payload): the same content is one submission.</summary>
    public required string ContentHash { get; init; }

    /// <summary>A return dropped by a service, or a pull from a service system.</summary>
    public required SubmissionSourceKind SourceKind { get; init; }

    /// <summary>The service whose folder the file came from; null for a pull that spans services.</summary>
    public string? ServiceCode { get; init; }

    /// <summary>The service-system source, for a pull.</summary>
    public string? SourceName { get; init; }

    /// <summary>The file name as the sender gave it (for a pull, a name the connector makes up).</summary>
    public required string FileName { get; init; }

    /// <summary>Where the file is stored, when it is.</summary>
    public string? BlobPath { get; init; }

    /// <summary>Who sent it: an e-mail address for a return, the source name for a pull.</summary>
    public required string Sender { get; init; }

    /// <summary>When the file arrived.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }
}
