using Microsoft.Extensions.Logging;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Returns;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Warehouse;
using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Loading;

/// <summary>
/// A dropped return's way through the <see cref="GatedLoad"/>: copied and hashed, matched to its
/// service, read, gated and loaded in one transaction. A verdict an interrupted run already committed
/// on the same drop is finished, not loaded again; a failure of the pipeline itself on the file (not of
/// storage or the database, which is thrown to be tried again) gives it a verdict of its own (<see cref="IngestFault"/>).
/// </summary>
/// <param name="warehouse">The warehouse.</param>
/// <param name="store">Where the return is read from.</param>
/// <param name="time">The clock.</param>
/// <param name="logger">The log.</param>
internal sealed partial class ReturnLoad(WarehouseDatabase warehouse, IReturnStore store, TimeProvider time, ILogger logger)
{
    /// <summary>The verdict on the return at <paramref name="path"/>, committed with its report owed.</summary>
    public async Task<JudgedReturn> JudgeAsync(ReturnPath path, ReturnPathCheck check, StoredFileInfo info, CancellationToken cancellationToken)
    {
        if (info.MetadataProblem is { } metadataProblem)
        {
            LogMetadataIgnored(logger, path.Name, metadataProblem);
        }

        var judged = await LoadAsync(path, check, info, cancellationToken);
        var summary = judged.Summary;
        LogJudged(logger, path.Name, summary.Verdict, summary.SubmissionId, summary.RowsLoaded, summary.Errors, summary.Warnings);
        return judged;
    }

    private async Task<JudgedReturn> LoadAsync(ReturnPath path, ReturnPathCheck check, StoredFileInfo info, CancellationToken cancellationToken)
    {
        await using var copy = WorkCopies.Create(path.Extension);
        string? hash = null;
        try
        {
            hash = await WorkCopies.DownloadAsync(store, path.Stored, copy, cancellationToken);
            if (await new UnfinishedReturn(warehouse, time).FindAsync(path, info, hash, cancellationToken) is { } unfinished)
            {
                LogResumed(logger, path.Name, unfinished.SubmissionId, unfinished.Verdict);
                return new JudgedReturn(unfinished, Resumed: true);
            }

            var service = await ReturnService.FindAsync(warehouse, path.Service, cancellationToken);
            var incoming = Incoming(path, info, hash, service);
            return new JudgedReturn(await new GatedLoad(warehouse, time).RunAsync(incoming, ct => ReadAsync(service, check, copy, ct), cancellationToken), Resumed: false);
        }
        catch (Exception e) when (!IngestFault.IsEnvironment(e) && !cancellationToken.IsCancellationRequested)
        {
            LogFault(logger, e, path.Name);
            var service = await ReturnService.FindAsync(warehouse, path.Service, cancellationToken);
            var incoming = Incoming(path, info, hash ?? IngestFault.UnreadHash(path, info), service);
            var summary = await new GatedLoad(warehouse, time).RejectAsync(incoming, IngestFault.Refusal, cancellationToken);
            return new JudgedReturn(summary, Resumed: false, e);
        }
    }

    private static IncomingSubmission Incoming(ReturnPath path, StoredFileInfo info, string hash, ReturnService? service) => new()
    {
        ContentHash = hash,
        SourceKind = SubmissionSourceKind.Return,
        ServiceCode = service?.Code ?? path.Service,
        FileName = path.FileName,
        BlobPath = path.Stored.ToString(),
        Sender = ReturnService.Sender(info, service),
        ReceivedAt = info.LastModified,
    };

    private async Task<GateInput> ReadAsync(ReturnService? service, ReturnPathCheck check, FileStream copy, CancellationToken cancellationToken)
    {
        if (service is null)
        {
            var known = string.Join(", ", await ReturnService.CodesAsync(warehouse, cancellationToken));
            return GateInput.Refused(Refusal.Unreadable($"The folder '{check.Path!.Service}' is not a service in the catalogue; drop returns in your own service's folder ({known})."));
        }

        if (!check.Accepted)
        {
            return GateInput.Refused(Refusal.Unreadable(check.Problem!));
        }

        // The file is opened once and each kind of sheet read from it: opening a large workbook is most of the cost of reading its first rows.
        copy.Position = 0;
        Workbook workbook;
        try
        {
            workbook = WorkbookReader.Open(copy, check.Path!.FileName, cancellationToken);
        }
        catch (WorkbookException ex)
        {
            var unreadable = ReturnProblems.Unreadable(ex);
            return GateInput.Refused(Refusal.Unreadable(unreadable.Message, unreadable.Sheet));
        }

        Finance.FinanceSheet finance;
        ActionSheet actions;
        try
        {
            finance = Finance.FinanceSheet.Read(workbook, cancellationToken);
            actions = ActionSheetReader.Read(workbook, cancellationToken);
        }
        catch
        {
            workbook.Dispose();
            throw;
        }

        if (finance.Problem is { } financeProblem)
        {
            workbook.Dispose();
            return GateInput.Refused(Refusal.Unreadable(financeProblem, Finance.FinanceColumns.SheetName));
        }

        var read = ReturnReader.Read(workbook, cancellationToken, actions.Sheet);
        if (read.IsRejected && (finance.Found || actions.Found))
        {
            // A Finance or Actions sheet sent without indicator rows: its rows are the whole submission.
            read.Dispose();
            return finance.Found || IsActionsOnly(actions, read.Problem)
                ? SheetsOnly(service, finance.Rows, actions)
                : GateInput.Refused(Refusal.Unreadable(read.Problem.Message, read.Problem.Sheet));
        }

        if (read.IsRejected)
        {
            read.Dispose();
            return GateInput.Refused(Refusal.Unreadable(read.Problem.Message, read.Problem.Sheet));
        }

        return new GateInput(read)
        {
            ServiceCode = service.Code,
            AsOf = UkClock.Today(time),
            Rows = read.Rows,
            FinanceRows = finance.Rows,
            ActionRows = actions.Rows,
            ExpectedRows = read.DeclaredRows,
            FileIssues = [.. StructuralIssues.Misencoded(read, read.Layout.Sheet), .. actions.Problem is { } problem ? [problem] : Array.Empty<QualityIssue>()],
            NothingAccepted = "No row of the return could be accepted; see the report for each row.",
        };
    }

    /// <summary>
    /// A file whose only content is its Actions sheet: no other sheet has anything like a return's header, or the
    /// Return sheet has a header and no rows (a template sent back by a service that owed only action updates).
    /// </summary>
    private static bool IsActionsOnly(ActionSheet actions, ReturnProblem problem) =>
        actions.Found && (problem.Kind == ReturnProblemKind.NoDataRows || (problem.Kind == ReturnProblemKind.NoHeader && problem.Sheet is null));

    private GateInput SheetsOnly(ReturnService service, IReadOnlyList<Finance.FinanceRow> financeRows, ActionSheet actions) => actions.Problem is { } problem
        ? GateInput.Refused(new Refusal(problem.Message, problem))
        : new GateInput
        {
            ServiceCode = service.Code,
            AsOf = UkClock.Today(time),
            FinanceRows = financeRows,
            ActionRows = actions.Rows,
            NothingAccepted = "No row of the Finance or Actions sheet could be accepted; see the report for each row.",
        };

    [LoggerMessage(Level = LogLevel.Error, Message = "Return {Name}: the pipeline failed on it; it is rejected with DQ004 and its sender told to send it again once the fault is fixed")]
    private static partial void LogFault(ILogger logger, Exception error, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Return {Name}: finishing submission {SubmissionId} ({Verdict}), which an interrupted run recorded but did not move")]
    private static partial void LogResumed(ILogger logger, string name, long submissionId, SubmissionVerdict verdict);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Return {Name}: its metadata sidecar was ignored: {Problem}")]
    private static partial void LogMetadataIgnored(ILogger logger, string name, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Return {Name}: {Verdict} as submission {SubmissionId}, {Loaded} loaded, {Errors} errors, {Warnings} warnings")]
    private static partial void LogJudged(ILogger logger, string name, SubmissionVerdict verdict, long submissionId, int loaded, int errors, int warnings);
}
