using MimeKit;

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

    /// <summary>The first problem with these settings as one sentence saying what to set, or null when they are usable.</summary>
    public string? Validate()
    {
        if (!MailboxAddress.TryParse(FeedbackFrom, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            return $"{Section}:FeedbackFrom '{FeedbackFrom}' is not an e-mail address; set it to the mailbox reports to senders come from, e.g. \"PMF Pipeline <performance@council.gov.uk>\".";
        }

        if (!MailboxAddress.TryParse(PerformanceTeam, out var team) || !team.Address.Contains('@', StringComparison.Ordinal))
        {
            return $"{Section}:PerformanceTeam '{PerformanceTeam}' is not an e-mail address; set it to the policy and performance team's address.";
        }

        return null;
    }
}
