using System.Globalization;
using Microsoft.Extensions.Logging;
using Pmf.Pipeline.Alerts;
using Pmf.Pipeline.Feedback;
using Pmf.Pipeline.Loading;
using Pmf.Pipeline.PowerBi;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Jobs;

/// <summary>
/// Entry point for a dropped return (the blob trigger, <c>pmf serve</c>, <c>pmf ingest</c>, the demo), in steps
/// each owned by its stage: claim and path check (Storage), the gated load with the sender's report owed by
/// its commit (Loading), the move to processed/ or rejected/ (Storage), a Power BI refresh (PowerBi), and the
/// report written beside the file and mailed (Feedback). No file leaves returns/ without a verdict.
/// </summary>
public sealed partial class IngestReturnJob(
    WarehouseDatabase warehouse,
    IReturnStore store,
    TimeProvider time,
    ILogger<IngestReturnJob> logger,
    IngestOptions? options = null,
    PowerBiRefresher? refresher = null,
    IMailTransport? mail = null,
    AlertOptions? alerts = null)
{
    private readonly SenderReports _reports = new(
        warehouse, store, mail, (options ?? new IngestOptions()).FeedbackFrom, (options ?? new IngestOptions()).PerformanceTeam, alerts ?? new AlertOptions(), time, logger);

    /// <summary>
    /// Ingests every file waiting in returns/, oldest first. One bad file never stops the others: a
    /// file the pipeline fails on gets its own verdict (<see cref="RunAsync"/>), and a file that storage
    /// or the database failed on is left in returns/ for the next run, with the failure in its outcome.
    /// </summary>
    public async Task<IReadOnlyList<IngestOutcome>> RunWaitingAsync(Action<IngestOutcome>? progress, CancellationToken cancellationToken)
    {
        WorkCopies.DeleteAbandoned();
        var outcomes = new List<IngestOutcome>();
        foreach (var waiting in await store.ListWaitingAsync(cancellationToken))
        {
            IngestOutcome outcome;
            try
            {
                outcome = await RunAsync(waiting.Name, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                LogLeftWaiting(logger, e, waiting.Name);
                outcome = IngestOutcome.LeftWaiting(waiting.Name, e);
            }

            if (!outcome.Skipped)
            {
                // A skipped file is another process's, or gone: not this run's to report.
                outcomes.Add(outcome);
                progress?.Invoke(outcome);
            }
        }

        return outcomes;
    }

    /// <summary>
    /// Ingests the return at <paramref name="name"/> (<c>&lt;service&gt;/&lt;file&gt;</c> in returns/). A failure
    /// of storage or the database is thrown, and the file stays to be tried again; any other failure on the
    /// file gives it a rejected verdict and a report (<see cref="IngestFault"/>).
    /// </summary>
    public async Task<IngestOutcome> RunAsync(string name, CancellationToken cancellationToken)
    {
        await using var claim = await store.TryClaimAsync(name, cancellationToken);
        if (claim is null)
        {
            return IngestOutcome.Skip(name, "Another process is reading this file.");
        }

        var check = ReturnPath.Parse(name);
        if (await RefusedAsync(name, check, cancellationToken) is { } refused)
        {
            return refused;
        }

        var path = check.Path!;
        if (await store.GetInfoAsync(path.Stored, cancellationToken) is not { } info)
        {
            return IngestOutcome.Gone(name);
        }

        try
        {
            var judged = await new ReturnLoad(warehouse, store, time, logger).JudgeAsync(path, check, info, cancellationToken);
            var summary = judged.Summary;
            var destination = summary.Verdict == SubmissionVerdict.Rejected ? ReturnDestination.Rejected : ReturnDestination.Processed;
            var id = summary.SubmissionId.ToString(CultureInfo.InvariantCulture);
            var moved = (await store.CompleteAsync(path, info.Version, destination, id, summary.Verdict.ToString(), cancellationToken)).MovedTo;
            if (refresher is not null && summary.RowsLoaded > 0)
            {
                await refresher.AfterLoadAsync(cancellationToken); // never fails the load: the refresher records, backs off and retries
            }

            var report = await _reports.DeliverAsync(summary.SubmissionId, moved, owedNow: !judged.Resumed, cancellationToken);
            return IngestOutcome.Of(path.Name, judged, moved, report);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            if (await store.GetInfoAsync(path.Stored, CancellationToken.None) is not null)
            {
                throw;
            }

            return IngestOutcome.Gone(name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Return {Name} was not ingested and stays in returns/ for the next run")]
    private static partial void LogLeftWaiting(ILogger logger, Exception error, string name);

}
