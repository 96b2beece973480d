namespace Pmf.Pipeline.Jobs;

/// <summary>Settings for ingesting returns (section <c>Pmf:Ingest</c>).</summary>
public sealed class IngestOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Pmf:Ingest";

    /// <summary>The address feedback to senders comes from.</summary>
    public string FeedbackFrom { get; set; } = "PMF Pipeline <performance@example.gov.uk>";
}
