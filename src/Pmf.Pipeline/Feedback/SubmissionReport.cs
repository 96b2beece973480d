using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Feedback;

/// <summary>
/// What the sender of a submission is told: the verdict, the counts and every issue located to its row
/// and column, with what they typed and what to do. Rendered as HTML, as CSV, and as an e-mail.
/// </summary>
public sealed record SubmissionReport
{
    /// <summary>The submission reported on.</summary>
    public required long SubmissionId { get; init; }

    /// <summary>The file name as the sender gave it.</summary>
    public required string FileName { get; init; }

    /// <summary>The sending service's code, when the submission came from a service folder.</summary>
    public string? ServiceCode { get; init; }

    /// <summary>The sending service's name, when the catalogue knows it.</summary>
    public string? ServiceName { get; init; }

    /// <summary>Who sent it (an e-mail address for a return).</summary>
    public required string Sender { get; init; }

    /// <summary>The head of the sending service, when known.</summary>
    public string? HeadOfServiceName { get; init; }

    /// <summary>The head of service's e-mail address, when known.</summary>
    public string? HeadOfServiceEmail { get; init; }

    /// <summary>The service director's e-mail address, when the catalogue holds one.</summary>
    public string? DirectorEmail { get; init; }

    /// <summary>
    /// True when <see cref="Sender"/> is an address the catalogue holds for the service (its head or
    /// director): only then is the report mailed to the sender. Anyone else who claims to have sent the
    /// file (blob metadata is the uploader's to write) is named in the report, not written to.
    /// </summary>
    public bool SenderIsServiceContact =>
        SenderAddress() is { } sender
        && new[] { HeadOfServiceEmail, DirectorEmail }.Any(known => string.Equals(known?.Trim(), sender, StringComparison.OrdinalIgnoreCase));

    /// <summary>The bare address in <see cref="Sender"/> (<c>Name &lt;a@b&gt;</c> or <c>a@b</c>), or null when it holds none.</summary>
    internal string? SenderAddress() =>
        Sender.AsSpan().IndexOfAny("\r\n") < 0 && MimeKit.MailboxAddress.TryParse(Sender.Trim(), out var mailbox) && mailbox.Address.Contains('@', StringComparison.Ordinal)
            ? mailbox.Address
            : null;

    /// <summary>When the file arrived.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>When the pipeline finished with it.</summary>
    public required DateTimeOffset ProcessedAt { get; init; }

    /// <summary>The verdict.</summary>
    public required SubmissionVerdict Verdict { get; init; }

    /// <summary>Why, in words for the sender.</summary>
    public string? VerdictReason { get; init; }

    /// <summary>Data rows read.</summary>
    public int RowsRead { get; init; }

    /// <summary>Results loaded.</summary>
    public int RowsLoaded { get; init; }

    /// <summary>Rows not loaded because of an error.</summary>
    public int RowsRejected { get; init; }

    /// <summary>Issues of severity Warning.</summary>
    public int Warnings { get; init; }

    /// <summary>Issues of severity Error.</summary>
    public int Errors { get; init; }

    /// <summary>For a duplicate, the submission that first brought the same file.</summary>
    public long? DuplicateOfSubmissionId { get; init; }

    /// <summary>The issues, file-level first, then by sheet, row and column.</summary>
    public IReadOnlyList<QualityIssue> Issues { get; init; } = [];

    /// <summary>The Finance rows the submission loaded: council, service, quarter, budget, forecast outturn, variance.</summary>
    public IReadOnlyList<SubmittedFinance> Finance { get; init; } = [];

    /// <summary>Issues beyond those in <see cref="Issues"/> (a very bad file is summarised, not listed whole).</summary>
    public int IssuesOmitted { get; init; }

    /// <summary>
    /// Issues the warehouse counted but did not store (beyond its first thousand of a file), by rule id;
    /// part of <see cref="IssuesOmitted"/>.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, int>> UnstoredByRule { get; init; } = [];
}

/// <summary>A Finance row a submission loaded, as its sender's report lists it.</summary>
/// <param name="Row">The row of the Finance sheet.</param>
/// <param name="CouncilCode">The council.</param>
/// <param name="ServiceCode">The service.</param>
/// <param name="Period">The quarter.</param>
/// <param name="Budget">The budget.</param>
/// <param name="ForecastOutturn">The forecast outturn.</param>
/// <param name="Variance">Forecast outturn less budget.</param>
public sealed record SubmittedFinance(int? Row, string CouncilCode, string ServiceCode, string Period, decimal Budget, decimal ForecastOutturn, decimal Variance);
