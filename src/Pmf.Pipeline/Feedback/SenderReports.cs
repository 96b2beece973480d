using Microsoft.Extensions.Logging;
using MimeKit;
using Pmf.Pipeline.Alerts;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Feedback;

/// <summary>
/// The one way a sender's report on a return goes out: read from the warehouse, rendered once (page,
/// CSV and e-mail), written beside the file, and mailed at once when there is a transport. What is not
/// sent stays owed (the load recorded it with the verdict) and every sweep sends it
/// (<see cref="SenderFeedback.SendOwedAsync"/>), retrying up to <see cref="SenderFeedback.MaxAttempts"/> times.
/// </summary>
/// <param name="warehouse">The warehouse.</param>
/// <param name="store">Where the report files are written.</param>
/// <param name="mail">Where messages go; null to leave them to the sweep.</param>
/// <param name="from">The pipeline's own mailbox (<c>Pmf:Ingest:FeedbackFrom</c>).</param>
/// <param name="performanceTeam">Told about a file whose service has no head of service address (<c>Pmf:Ingest:PerformanceTeam</c>).</param>
/// <param name="alerts">How transient failures are retried (<c>Pmf:Alerts</c>).</param>
/// <param name="time">The clock.</param>
/// <param name="logger">The log.</param>
public sealed class SenderReports(
    WarehouseDatabase warehouse, IReturnStore store, IMailTransport? mail, string from, string performanceTeam, AlertOptions alerts, TimeProvider time, ILogger logger)
{
    /// <summary>
    /// Reports on submission <paramref name="submissionId"/>: writes the report beside <paramref name="file"/>
    /// (when given) and mails it. <paramref name="owedNow"/> says the verdict was committed by this run, so
    /// the report is owed without asking the warehouse; otherwise it is sent only if still owed.
    /// </summary>
    public async Task<DeliveredReport> DeliverAsync(long submissionId, StoredPath? file, bool owedNow, CancellationToken cancellationToken)
    {
        var report = await new SubmissionReportQuery(warehouse).LoadAsync(submissionId, cancellationToken);
        var rendered = RenderedReport.Of(report, MailboxAddress.Parse(from), performanceTeam);
        var written = file is { } beside ? await WriteAsync(beside, rendered, cancellationToken) : [];
        var sent = mail is null
            ? null
            : await new SenderFeedback(warehouse, mail, from, performanceTeam, alerts, time, logger).SendAsync(rendered, owedNow, time.GetUtcNow(), cancellationToken);
        return new DeliveredReport(report, written, sent);
    }

    private async Task<IReadOnlyList<StoredPath>> WriteAsync(StoredPath file, RenderedReport rendered, CancellationToken cancellationToken)
    {
        var written = new List<StoredPath>
        {
            await WriteAsync(file.Beside(".report.html"), rendered.Html, "text/html; charset=utf-8", cancellationToken),
            await WriteAsync(file.Beside(".report.csv"), rendered.Csv, "text/csv; charset=utf-8", cancellationToken),
        };
        if (rendered.Eml() is { } eml)
        {
            written.Add(await WriteAsync(file.Beside(".report.eml"), eml, "message/rfc822", cancellationToken));
        }

        return written;
    }

    private async Task<StoredPath> WriteAsync(StoredPath path, BinaryData content, string contentType, CancellationToken cancellationToken)
    {
        await store.WriteArtefactAsync(path, content, contentType, cancellationToken);
        return path;
    }
}
