using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;
using MimeKit;
using Pmf.Pipeline.Alerts;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Feedback;

/// <summary>
/// Mails each sender the report on their return, through the same transport as the digests. A
/// return's report is owed from the moment its verdict is recorded (the load writes the
/// <c>sender_feedback</c> row in the verdict's own transaction); the ingest that made it sends it
/// at once, and every sweep sends what is still owed, so a failed send goes out later instead of
/// being lost. One failed message never stops the others; after <see cref="MaxAttempts"/> failures a
/// report is left for the performance team to read in <c>sender_feedback.last_error</c>.
/// </summary>
/// <param name="warehouse">The warehouse.</param>
/// <param name="transport">Where messages go.</param>
/// <param name="from">The pipeline's own mailbox (<c>Pmf:Ingest:FeedbackFrom</c>).</param>
/// <param name="performanceTeam">Told about a file whose service has no head of service address (<c>Pmf:Ingest:PerformanceTeam</c>).</param>
/// <param name="alerts">How transient failures are retried (<c>Pmf:Alerts</c>).</param>
/// <param name="time">The clock retries wait on.</param>
/// <param name="logger">The log.</param>
public sealed partial class SenderFeedback(
    WarehouseDatabase warehouse, IMailTransport transport, string from, string performanceTeam, AlertOptions alerts, TimeProvider time, ILogger logger)
{
    private readonly Polly.ResiliencePipeline _retry = MailRetry.Build(alerts, time);

    /// <summary>Sends tried for one report before it is given up (a sweep a day: a working week).</summary>
    public const int MaxAttempts = 5;

    internal const string OwedSql = """
        SELECT submission_id FROM sender_feedback
        WHERE sent_at IS NULL AND attempts < @MaxAttempts
        ORDER BY submission_id
        """;

    internal const string OwedOneSql = """
        SELECT submission_id FROM sender_feedback
        WHERE sent_at IS NULL AND attempts < @MaxAttempts AND submission_id = @SubmissionId
        """;

    internal const string SentSql = """
        UPDATE sender_feedback SET sent_at = @Now, attempts = attempts + 1, last_error = NULL
        WHERE submission_id = @SubmissionId
        """;

    internal const string FailedSql = """
        UPDATE sender_feedback SET attempts = attempts + 1, last_error = @Error
        WHERE submission_id = @SubmissionId
        """;

    /// <summary>Sends every report still owed, oldest first.</summary>
    /// <param name="now">When they are sent (the alert log's time).</param>
    /// <param name="cancellationToken">Stops the run between messages.</param>
    /// <returns>One outcome per report attempted.</returns>
    public async Task<IReadOnlyList<FeedbackOutcome>> SendOwedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await warehouse.OpenAsync(cancellationToken);
        var owed = (await connection.QueryAsync<long>(new CommandDefinition(OwedSql, new { MaxAttempts }, cancellationToken: cancellationToken))).ToList();
        var query = new SubmissionReportQuery(warehouse);
        var outcomes = new List<FeedbackOutcome>();
        foreach (var submissionId in owed)
        {
            var rendered = RenderedReport.Of(await query.LoadAsync(submissionId, cancellationToken), MailboxAddress.Parse(from), performanceTeam);
            outcomes.Add(await SendAsync(connection, rendered, now, cancellationToken));
        }

        return outcomes;
    }

    /// <summary>Sends <paramref name="report"/> (rendered by the caller), which is owed.</summary>
    /// <param name="report">The report on a return submission.</param>
    /// <param name="owedNow">
    /// True when the caller has just committed the verdict (the report is owed); false to send it only
    /// if it is still owed (an earlier run committed it, and a sweep may have sent it since).
    /// </param>
    /// <param name="now">When it is sent (the alert log's time).</param>
    /// <param name="cancellationToken">Stops the send.</param>
    /// <returns>What happened, or null when nothing was owed.</returns>
    public async Task<FeedbackOutcome?> SendAsync(RenderedReport report, bool owedNow, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var connection = await warehouse.OpenAsync(cancellationToken);
        var owed = owedNow || await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            OwedOneSql, new { MaxAttempts, report.Report.SubmissionId }, cancellationToken: cancellationToken)) is not null;
        return owed ? await SendAsync(connection, report, now, cancellationToken) : null;
    }

    private async Task<FeedbackOutcome> SendAsync(DbConnection connection, RenderedReport rendered, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (report, message) = (rendered.Report, rendered.Mail);
        var error = message is null
            ? rendered.MailProblem
            : await MailRetry.TrySendAsync(_retry, transport, message, tries => LogRetrying(logger, report.SubmissionId, transport.Name, tries), cancellationToken);
        if (error is not null)
        {
            LogSendFailed(logger, report.SubmissionId, report.FileName, transport.Name, error);
        }

        var recipients = message is null ? [] : Recipients(message);
        await AlertLog.WriteAsync(
            connection, now, transport.Name, report.SubmissionId, recipients, message?.Subject ?? "", error,
            (transaction, clipped) => connection.ExecuteAsync(new CommandDefinition(
                error is null ? SentSql : FailedSql, new { Now = now.UtcDateTime, report.SubmissionId, Error = clipped }, transaction, cancellationToken: cancellationToken)),
            cancellationToken);
        return new FeedbackOutcome(report.SubmissionId, report.FileName, recipients, error);
    }

    private static string[] Recipients(MimeMessage message) =>
        [.. message.To.Mailboxes.Concat(message.Cc.Mailboxes).Select(m => m.Address)];

    [LoggerMessage(Level = LogLevel.Information, Message = "Report on submission {SubmissionId}: try {Try} over {Transport} after a transient failure")]
    private static partial void LogRetrying(ILogger logger, long submissionId, string transport, int @try);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Report on submission {SubmissionId} ({File}) not sent over {Transport}; the next sweep tries again: {Error}")]
    private static partial void LogSendFailed(ILogger logger, long submissionId, string file, string transport, string error);
}
