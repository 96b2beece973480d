using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Pmf.Pipeline.Alerts;
using Pmf.Pipeline.Reports;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Jobs;

/// <summary>
/// Files the job will not read as returns (an unsafe name, a place that is not a service folder, a link)
/// still get a verdict and a report; a drop judged before is finished, never judged twice.
/// </summary>
public sealed partial class IngestReturnJob
{
    /// <summary>Where a file set aside without a service folder of its own goes in rejected/.</summary>
    internal const string UnsortedFolder = "_unsorted";

    private static IngestOutcome Skip(string name, string reason) =>
        new(name, SubmissionVerdict.Rejected, reason, null, null, [], []) { Skipped = true };

    /// <summary>SQL Server keeps received_at to the millisecond; the same drop must match itself on both engines.</summary>
    private static DateTimeOffset WholeMilliseconds(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    /// <summary>
    /// Rejects <paramref name="name"/> without reading it as a return: a submission with the reason, the
    /// report owed to the service (when the first folder is one) or the performance team, the report
    /// written in rejected/, and the file set aside there under a safe name unless
    /// <paramref name="leaveInPlace"/> (a link, which is never followed, so never moved).
    /// </summary>
    private async Task<IngestOutcome> RefuseAsync(string name, string problem, bool leaveInPlace, CancellationToken cancellationToken)
    {
        if (await store.FindWaitingAsync(name, cancellationToken) is not { } waiting)
        {
            return Skip(name, "The file was no longer in returns/ (taken by another run).");
        }

        var shown = NameRules.Display(name);
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        var service = slash > 0 ? await ReturnService.FindAsync(warehouse, name[..slash], cancellationToken) : null;
        var incoming = new IncomingSubmission
        {
            ContentHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"refused\n{name}\n{waiting.Version}"))),
            SourceKind = SubmissionSourceKind.Return,
            ServiceCode = service?.Code ?? Clip(slash > 0 ? SafeFileName.Of(name[..slash]) : UnsortedFolder, 50),
            FileName = Clip(shown, 260),
            BlobPath = Clip($"{StorageContainers.Returns}/{shown}", 1024),
            Sender = service?.HeadOfServiceEmail ?? "unknown sender",
            ReceivedAt = WholeMilliseconds(waiting.ReceivedAt),
        };

        // The same drop judged before (it is a link, or a kill stopped it before it was set aside): finish that verdict.
        var summary = await new UnfinishedReturn(warehouse, time).FindAsync(incoming.BlobPath, incoming.ContentHash, incoming.ReceivedAt, cancellationToken);
        var judged = summary is not null;
        if (judged && leaveInPlace)
        {
            return Skip(name, "Already judged and left in place.");
        }

        if (summary is null)
        {
            var loader = new SubmissionLoader(warehouse, time);
            await using var load = await loader.BeginAsync(incoming, cancellationToken);
            summary = load.DuplicateOf is null
                ? await RejectAsync(load, problem, cancellationToken)
                : await load.CompleteAsync(new SubmissionOutcome(SubmissionVerdict.Duplicate, 0), cancellationToken);
        }

        // The report is owed already: the load that judged it recorded that in its own transaction.
        var report = await new SubmissionReportQuery(warehouse).LoadAsync(summary.SubmissionId, cancellationToken);
        var leaf = name[(name.LastIndexOf('/') + 1)..];
        var target = CompletedName.SetAside(service?.Code ?? UnsortedFolder, leaf.Length > 0 ? leaf : name, summary.SubmissionId, time.GetUtcNow());
        var moved = leaveInPlace ? null : await store.SetAsideAsync(name, waiting.Version, target, summary.SubmissionId.ToString(CultureInfo.InvariantCulture), cancellationToken);
        if (judged && moved is null)
        {
            // Judged before and the store keeps it where it is (a blob): reported once, not again each run.
            return Skip(name, "Already judged and left in place.");
        }

        List<StoredPath> reports =
        [
            await WriteAsync(target.Beside(".report.html"), BinaryData.FromString(SubmissionReportHtml.Render(report)), "text/html; charset=utf-8", cancellationToken),
            await WriteAsync(target.Beside(".report.csv"), BinaryData.FromBytes(SubmissionReportCsv.Render(report)), "text/csv; charset=utf-8", cancellationToken),
            await WriteAsync(target.Beside(".report.eml"), Mail(report), "message/rfc822", cancellationToken),
        ];
        LogRefused(logger, shown, problem, moved?.ToString() ?? "left in place");
        var feedback = mail is null
            ? null
            : await new SenderFeedback(warehouse, mail, _options.FeedbackFrom, _options.PerformanceTeam, alerts ?? new AlertOptions(), time, logger).SendAsync(report, time.GetUtcNow(), cancellationToken);
        return new IngestOutcome(shown, SubmissionVerdict.Rejected, problem, summary, moved, reports, [.. report.Issues.Take(IngestOutcome.MaxIssues)])
        {
            Feedback = feedback,
        };
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Name} in returns/ was refused ({Problem}); {Where}")]
    private static partial void LogRefused(ILogger logger, string name, string problem, string where);
}
