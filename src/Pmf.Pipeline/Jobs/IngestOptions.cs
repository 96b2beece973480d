namespace Pmf.Pipeline.Jobs;

/// <summary>Settings for ingesting returns (section <c>Pmf:Ingest</c>).</summary>
public sealed class IngestOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Pmf:Ingest";

    /// <summary>The address feedback to senders comes from.</summary>
    public string FeedbackFrom { get; set; } = "PMF Pipeline <performance@example.gov.uk>";

    /// <summary>
    /// The policy and performance team's address: it receives the report for a file nobody else can
    /// be told about (dropped in a folder that is not a service).
    /// </summary>
    public string PerformanceTeam { get; set; } = "performance@example.gov.uk";
}
