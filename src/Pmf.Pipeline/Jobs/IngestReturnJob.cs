using System.Security.Cryptography;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using MimeKit;
using Pmf.Pipeline.Alerts;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.PowerBi;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Reports;
using Pmf.Pipeline.Returns;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Jobs;

/// <summary>
/// Entry point for a dropped return (the blob trigger, <c>pmf serve</c>, <c>pmf ingest</c>, the demo):
/// read it, pass every row through the quality gate, load it in one transaction, write the sender's
/// report beside it and move it to processed/ or rejected/. No file leaves returns/ without a verdict,
/// and the warehouse never holds half a submission. With a <see cref="PowerBiRefresher"/>, a load
/// asks for a dataset refresh (at most one per interval, however many loads). With a mail transport,
/// the report is mailed to the sender at once; without one, or when the send fails, the next sweep
/// sends it (<see cref="SenderFeedback"/>).
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
    // Checked rows waiting to be written: enough to keep both sides busy, few enough not to matter.
    private const int RowsInFlight = 1024;

    private readonly IngestOptions _options = options ?? new IngestOptions();

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
                outcome = new IngestOutcome(
                    waiting.Name, SubmissionVerdict.Rejected, $"Not ingested this time, and left in returns/ for the next run: {e.Message}", null, null, [], []);
            }

            if (outcome.Skipped)
            {
                // Another process has it, or it has gone: not this run's to report.
                continue;
            }

            outcomes.Add(outcome);
            progress?.Invoke(outcome);
        }

        return outcomes;
    }

    /// <summary>
    /// Ingests the return at <paramref name="name"/> (<c>&lt;service&gt;/&lt;file&gt;</c> in returns/).
    /// A failure of storage or the database is thrown (nothing half-done is kept, and the file stays to
    /// be tried again); any other failure on the file gives it a rejected verdict and a report
    /// (<see cref="IngestFault"/>). A file whose verdict an interrupted run already committed is finished,
    /// not loaded again.
    /// </summary>
    public async Task<IngestOutcome> RunAsync(string name, CancellationToken cancellationToken)
    {
        await using var claim = await store.TryClaimAsync(name, cancellationToken);
        if (claim is null)
        {
            return Skip(name, "Another process is reading this file.");
        }

        if (await store.RefusalAsync(name, cancellationToken) is { } refusal)
        {
            // A link is never followed: judged once, reported, and left where it is.
            return await RefuseAsync(name, refusal, leaveInPlace: true, cancellationToken);
        }

        var check = ReturnPath.Parse(name);
        if (check.Path is not { } path)
        {
            // An unsafe name is never followed as a path: the file is set aside in rejected/ under a safe name, with a report.
            LogUnsafeName(logger, name, check.Problem);
            return await RefuseAsync(name, check.Problem!, leaveInPlace: false, cancellationToken);
        }

        var info = await store.GetInfoAsync(path.Stored, cancellationToken);
        if (info is null)
        {
            return Skip(name, "The file was no longer in returns/ (taken by another run).");
        }

        if (info.MetadataProblem is { } metadataProblem)
        {
            LogMetadataIgnored(logger, name, metadataProblem);
        }

        try
        {
            var (summary, fault) = await JudgeAsync(path, check, info, cancellationToken);
            var outcome = await FinishAsync(path, info, summary, cancellationToken);
            return fault is null ? outcome : outcome with { Fault = $"{fault.GetType().Name}: {fault.Message}" };
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            if (await store.GetInfoAsync(path.Stored, CancellationToken.None) is not null)
            {
                throw;
            }

            return Skip(name, "The file was no longer in returns/ (taken by another run).");
        }
    }

    /// <summary>The file's verdict, committed with its report owed: resumed, judged, or (when the pipeline failed on it) a fault.</summary>
    private async Task<(SubmissionLoadSummary Summary, Exception? Fault)> JudgeAsync(ReturnPath path, ReturnPathCheck check, StoredFileInfo info, CancellationToken cancellationToken)
    {
        await using var temp = WorkCopies.Create(path.Extension);
        string? hash = null;
        try
        {
            hash = await DownloadAsync(path, temp, cancellationToken);
            if (await new UnfinishedReturn(warehouse, time).FindAsync(path, info, hash, cancellationToken) is { } unfinished)
            {
                LogResumed(logger, path.Name, unfinished.SubmissionId, unfinished.Verdict);
                return (unfinished, null);
            }

            var service = await ReturnService.FindAsync(warehouse, path.Service, cancellationToken);
            return (await LoadAsync(Incoming(path, info, hash, service), service, check, temp, cancellationToken), null);
        }
        catch (Exception e) when (!IngestFault.IsEnvironment(e) && !cancellationToken.IsCancellationRequested)
        {
            LogFault(logger, e, path.Name);
            var service = await ReturnService.FindAsync(warehouse, path.Service, cancellationToken);
            return (await RecordFaultAsync(Incoming(path, info, hash ?? IngestFault.UnreadHash(path, info), service), cancellationToken), e);
        }
    }

    private IncomingSubmission Incoming(ReturnPath path, StoredFileInfo info, string hash, ReturnService? service) => new()
    {
        ContentHash = hash,
        SourceKind = SubmissionSourceKind.Return,
        ServiceCode = service?.Code ?? path.Service,
        FileName = path.FileName,
        BlobPath = path.Stored.ToString(),
        Sender = ReturnService.Sender(info, service),
        ReceivedAt = info.LastModified,
    };

    private async Task<SubmissionLoadSummary> RecordFaultAsync(IncomingSubmission incoming, CancellationToken cancellationToken)
    {
        await using var load = await new SubmissionLoader(warehouse, time).BeginAsync(incoming, cancellationToken);
        if (load.DuplicateOf is not null)
        {
            return await load.CompleteAsync(new SubmissionOutcome(SubmissionVerdict.Duplicate, 0), cancellationToken);
        }

        var reason = IngestFault.Reason(load.SubmissionId);
        await load.AddIssueAsync(IngestFault.Issue(reason), cancellationToken);
        return await load.CompleteAsync(new SubmissionOutcome(SubmissionVerdict.Rejected, 0, reason), cancellationToken);
    }

    private async Task<SubmissionLoadSummary> LoadAsync(
        IncomingSubmission incoming, ReturnService? service, ReturnPathCheck check, FileStream temp, CancellationToken cancellationToken)
    {
        var loader = new SubmissionLoader(warehouse, time);
        await using var load = await loader.BeginAsync(incoming, cancellationToken);
        if (load.DuplicateOf is not null)
        {
            return await load.CompleteAsync(new SubmissionOutcome(SubmissionVerdict.Duplicate, 0), cancellationToken);
        }

        if (service is null)
        {
            var known = string.Join(", ", await ReturnService.CodesAsync(warehouse, cancellationToken));
            return await RejectAsync(load, $"The folder '{check.Path!.Service}' is not a service in the catalogue; drop returns in your own service's folder ({known}).", cancellationToken);
        }

        if (!check.Accepted)
        {
            return await RejectAsync(load, check.Problem!, cancellationToken);
        }

        temp.Position = 0;
        using var read = ReturnReader.Read(temp, incoming.FileName, cancellationToken);
        if (read.IsRejected)
        {
            return await RejectAsync(load, read.Problem.Message, cancellationToken, read.Problem.Sheet);
        }

        var context = await new GateContextQuery(warehouse).BuildAsync(service.Code, UkClock.Today(time), cancellationToken);
        var gate = new QualityGate(context, read.DeclaredRows);
        foreach (var issue in StructuralIssues.Misencoded(read, read.Layout.Sheet))
        {
            gate.AddFileIssue(issue);
        }

        await CheckAndLoadRowsAsync(read, gate, load, cancellationToken);
        var gateSummary = gate.Complete();
        return await load.CompleteAsync(gateSummary, "No row of the return could be accepted; see the report for each row.", cancellationToken);
    }

    /// <summary>
    /// Reads and gates the rows on one thread while this one writes them into the load: on two cores
    /// a million-row return takes the longer of the two rather than their sum. The gate stays on its
    /// own thread (it is not thread-safe) and is only completed after that thread is done; the queue
    /// between them is bounded, so memory does not grow when the database is the slower side. A
    /// failure on either side stops the other and is thrown here.
    /// </summary>
    private static async Task CheckAndLoadRowsAsync(ReturnReadResult read, QualityGate gate, SubmissionLoad load, CancellationToken cancellationToken)
    {
        var rows = Channel.CreateBounded<CheckedRow>(new BoundedChannelOptions(RowsInFlight) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var checking = Task.Run(() => CheckRowsAsync(read, gate, rows.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var row in rows.Reader.ReadAllAsync(cancellationToken))
            {
                if (row.Result is { } result)
                {
                    await load.AddResultAsync(result, cancellationToken);
                }

                foreach (var issue in row.Issues)
                {
                    await load.AddIssueAsync(issue, cancellationToken);
                }
            }
        }
        catch
        {
            // The load failed, and that is the failure to report: the reading side is stopped, and
            // waited for, before the file is closed under it.
            await stop.CancelAsync();
            await checking.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        // All rows are in; a failure while reading (other than damage, which the gate records) is thrown here as it was raised.
        await checking;
    }

    private static async Task CheckRowsAsync(ReturnReadResult read, QualityGate gate, ChannelWriter<CheckedRow> rows, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var row in gate.Check(read.Rows))
            {
                await rows.WriteAsync(row, cancellationToken);
            }
        }
        catch (ReturnReadException e)
        {
            // Damage part-way through: the file is rejected whole, with where reading stopped.
            gate.AddFileIssue(StructuralIssues.Unreadable(e.Problem.Message, e.Problem.Sheet));
        }
        finally
        {
            rows.Complete();
        }
    }

    private static async Task<SubmissionLoadSummary> RejectAsync(SubmissionLoad load, string reason, CancellationToken cancellationToken, string? sheet = null)
    {
        await load.AddIssueAsync(StructuralIssues.Unreadable(reason, sheet), cancellationToken);
        return await load.CompleteAsync(new SubmissionOutcome(SubmissionVerdict.Rejected, 0, reason), cancellationToken);
    }

    private async Task<IngestOutcome> FinishAsync(ReturnPath path, StoredFileInfo info, SubmissionLoadSummary summary, CancellationToken cancellationToken)
    {
        // The report is already owed (recorded with the verdict): if the host stops now, the next run
        // finishes this file and the next sweep sends the report.
        var report = await new SubmissionReportQuery(warehouse).LoadAsync(summary.SubmissionId, cancellationToken);
        var destination = summary.Verdict == SubmissionVerdict.Rejected ? ReturnDestination.Rejected : ReturnDestination.Processed;
        var completion = await store.CompleteAsync(
            path, info.Version, destination, summary.SubmissionId.ToString(System.Globalization.CultureInfo.InvariantCulture), summary.Verdict.ToString(), cancellationToken);
        var reports = new List<StoredPath>();
        if (completion.MovedTo is { } moved)
        {
            reports.Add(await WriteAsync(moved.Beside(".report.html"), BinaryData.FromString(SubmissionReportHtml.Render(report)), "text/html; charset=utf-8", cancellationToken));
            reports.Add(await WriteAsync(moved.Beside(".report.csv"), BinaryData.FromBytes(SubmissionReportCsv.Render(report)), "text/csv; charset=utf-8", cancellationToken));
            reports.Add(await WriteAsync(moved.Beside(".report.eml"), Mail(report), "message/rfc822", cancellationToken));
        }

        LogIngested(logger, path.Name, summary.Verdict, summary.SubmissionId, summary.RowsLoaded, summary.Errors, summary.Warnings);
        if (refresher is not null && summary.RowsLoaded > 0)
        {
            // Never fails the load: the refresher records, backs off and retries on its own.
            await refresher.AfterLoadAsync(cancellationToken);
        }

        var feedback = mail is null
            ? null
            : await new SenderFeedback(warehouse, mail, _options.FeedbackFrom, _options.PerformanceTeam, alerts ?? new AlertOptions(), time, logger).SendAsync(report, time.GetUtcNow(), cancellationToken);
        return new IngestOutcome(path.Name, summary.Verdict, report.VerdictReason, summary, completion.MovedTo, reports, [.. report.Issues.Take(IngestOutcome.MaxIssues)])
        {
            Feedback = feedback,
        };
    }

    private BinaryData Mail(SubmissionReport report)
    {
        using var buffer = new MemoryStream();
        SubmissionReportMail.Create(report, MailboxAddress.Parse(_options.FeedbackFrom), _options.PerformanceTeam).WriteTo(buffer);
        return BinaryData.FromBytes(buffer.ToArray());
    }

    private async Task<StoredPath> WriteAsync(StoredPath path, BinaryData content, string contentType, CancellationToken cancellationToken)
    {
        await store.WriteArtefactAsync(path, content, contentType, cancellationToken);
        return path;
    }

    private async Task<string> DownloadAsync(ReturnPath path, FileStream target, CancellationToken cancellationToken)
    {
        // One pass: the bytes go to a local temp file (the reader needs to seek) while being hashed.
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var source = await store.OpenReadAsync(path.Stored, cancellationToken);
        var buffer = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Return {Name}: the pipeline failed on it; it is rejected with DQ004 and its sender told to send it again once the fault is fixed")]
    private static partial void LogFault(ILogger logger, Exception error, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Return {Name} was not ingested and stays in returns/ for the next run")]
    private static partial void LogLeftWaiting(ILogger logger, Exception error, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Return {Name}: finishing submission {SubmissionId} ({Verdict}), which an interrupted run recorded but did not move")]
    private static partial void LogResumed(ILogger logger, string name, long submissionId, SubmissionVerdict verdict);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Return {Name}: its metadata sidecar was ignored: {Problem}")]
    private static partial void LogMetadataIgnored(ILogger logger, string name, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Return {Name} has an unsafe name and is set aside in rejected/ under a safe one: {Problem}")]
    private static partial void LogUnsafeName(ILogger logger, string name, string? problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Return {Name}: {Verdict} as submission {SubmissionId}, {Loaded} loaded, {Errors} errors, {Warnings} warnings")]
    private static partial void LogIngested(ILogger logger, string name, SubmissionVerdict verdict, long submissionId, int loaded, int errors, int warnings);
}
