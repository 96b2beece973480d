using Microsoft.Extensions.Logging;
using Polly;

namespace Pmf.Pipeline.Alerts;

/// <summary>
/// Sends the digests a sweep owes, one message per head of service. A transient failure (SMTP 4xx,
/// Graph 429 or 5xx, a dropped connection) is tried again as <see cref="AlertOptions.Retries"/> allows,
/// honouring the server's Retry-After. One failed message never stops the others; it is logged as
/// Failed, permanent or transient, and its items stay owed for the next sweep.
/// </summary>
/// <param name="warehouse">The warehouse.</param>
/// <param name="transport">Where messages go.</param>
/// <param name="options">Addresses, cool-down and retries.</param>
/// <param name="time">The clock retries wait on.</param>
/// <param name="logger">The log.</param>
/// <param name="links">Where each item's page is, or null for no links.</param>
public sealed partial class DigestSender(Warehouse.WarehouseDatabase warehouse, IMailTransport transport, AlertOptions options, TimeProvider time, ILogger logger, Web.WebLinks? links = null)
{
    private readonly ResiliencePipeline _retry = MailRetry.Build(options, time);

    /// <summary>Sends what is owed as of <paramref name="asOf"/>.</summary>
    /// <returns>One outcome per message attempted.</returns>
    public async Task<IReadOnlyList<DigestOutcome>> SendAsync(DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        await using var connection = await warehouse.OpenForLogAsync(cancellationToken);
        var digests = await DigestQuery.PendingAsync(connection, asOf, TimeSpan.FromDays(options.CoolDownDays), cancellationToken);
        var outcomes = new List<DigestOutcome>();
        foreach (var pending in digests)
        {
            var digest = pending with { Links = links ?? Web.WebLinks.None };
            if (DigestMail.Create(digest, options) is not { } message)
            {
                LogNoAddress(logger, digest.ServiceCode);
                outcomes.Add(new DigestOutcome(digest.ServiceCode, [], "", digest.Items.Count, "The head of service has no usable e-mail address."));
                continue;
            }

            var error = await MailRetry.TrySendAsync(
                _retry, transport, message.Message, tries => LogRetrying(logger, digest.ServiceCode, transport.Name, tries), cancellationToken);
            if (error is not null)
            {
                LogSendFailed(logger, digest.ServiceCode, transport.Name, error);
            }

            await AlertLog.WriteAsync(connection, asOf, transport.Name, message, error, cancellationToken);
            outcomes.Add(new DigestOutcome(digest.ServiceCode, message.Recipients, message.Message.Subject ?? "", digest.Items.Count, error));
        }

        return outcomes;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest for service {Service}: try {Try} over {Transport} after a transient failure")]
    private static partial void LogRetrying(ILogger logger, string service, string transport, int @try);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest for service {Service} not sent: its head of service has no usable e-mail address")]
    private static partial void LogNoAddress(ILogger logger, string service);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest for service {Service} failed over {Transport}; its items go with the next sweep: {Error}")]
    private static partial void LogSendFailed(ILogger logger, string service, string transport, string error);
}
