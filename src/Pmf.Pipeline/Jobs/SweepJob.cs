using Microsoft.Extensions.Logging;
using Pmf.Pipeline.Alerts;
using Pmf.Pipeline.Feedback;
using Pmf.Pipeline.FollowUp;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Jobs;

/// <summary>
/// Entry point for the daily sweep (the timer, <c>pmf sweep</c>, the demo): as of an instant, flag
/// late returns and feeds, failing indicators and uncorrected data-quality errors as follow-ups in one
/// transaction, then mail each head of service one digest of what is new, escalated, out of cool-down
/// or resolved; then send senders' reports still owed (<see cref="SenderFeedback"/>). Running it again
/// as of the same instant changes nothing and mails nothing.
/// </summary>
public sealed partial class SweepJob(
    WarehouseDatabase warehouse,
    IMailTransport? transport,
    TimeProvider time,
    ILogger<SweepJob> logger,
    FollowUpOptions? followUp = null,
    AlertOptions? alerts = null,
    IngestOptions? ingest = null,
    Web.WebLinks? links = null)
{
    private readonly FollowUpOptions _followUp = Valid(followUp ?? new FollowUpOptions(), o => o.Validate());
    private readonly AlertOptions _alerts = Valid(alerts ?? new AlertOptions(), o => o.Validate());
    private readonly IngestOptions _ingest = ingest ?? new IngestOptions();

    /// <summary>
    /// Sweeps as of <paramref name="asOf"/>, or now by the job's clock (the timer's entry point); with no
    /// transport, follow-ups are updated and nothing is mailed.
    /// </summary>
    public async Task<SweepOutcome> RunAsync(DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        var at = asOf ?? time.GetUtcNow();
        var dates = SweepDates.For(at, _followUp);
        SweepChanges changes;
        await using (var connection = await warehouse.OpenAsync(cancellationToken))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            changes = await FollowUpSweep.RunAsync(connection, transaction, at, _followUp, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        LogSwept(logger, at, changes.Raised, changes.Escalated, changes.Resolved, changes.Reopened);
        if (transport is null)
        {
            return new SweepOutcome(at, dates.Today, changes, [], []);
        }

        var digests = await new DigestSender(warehouse, transport, _alerts, time, logger, links).SendAsync(at, cancellationToken);
        var feedback = await new SenderFeedback(warehouse, transport, _ingest.FeedbackFrom, _ingest.PerformanceTeam, _alerts, time, logger).SendOwedAsync(at, cancellationToken);
        return new SweepOutcome(at, dates.Today, changes, digests, feedback);
    }

    private static T Valid<T>(T options, Func<T, string?> validate) =>
        validate(options) is { } problem ? throw new ArgumentException(problem, nameof(options)) : options;

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep as of {AsOf}: {Raised} raised, {Escalated} escalated, {Resolved} resolved, {Reopened} reopened")]
    private static partial void LogSwept(ILogger logger, DateTimeOffset asOf, int raised, int escalated, int resolved, int reopened);
}
