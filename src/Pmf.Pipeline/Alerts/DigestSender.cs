using Microsoft.Extensions.Logging;

namespace Pmf.Pipeline.Alerts;

/// <summary>
/// Sends the digests a sweep owes, one message per head of service. One failed message never stops
/// the others; it is logged as Failed and its items stay owed for the next sweep.
/// </summary>
/// <param name="warehouse">The warehouse.</param>
/// <param name="transport">Where messages go.</param>
/// <param name="options">Addresses and cool-down.</param>
/// <param name="logger">The log.</param>
public sealed partial class DigestSender(Warehouse.WarehouseDatabase warehouse, IMailTransport transport, AlertOptions options, ILogger logger)
{
    /// <summary>Sends what is owed as of <paramref name="asOf"/>.</summary>
    /// <returns>One outcome per message attempted.</returns>
    public async Task<IReadOnlyList<DigestOutcome>> SendAsync(DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        await using var connection = await warehouse.OpenAsync(cancellationToken);
        var digests = await DigestQuery.PendingAsync(connection, asOf, TimeSpan.FromDays(options.CoolDownDays), cancellationToken);
        var outcomes = new List<DigestOutcome>();
        foreach (var digest in digests)
        {
            if (DigestMail.Create(digest, options) is not { } message)
            {
                LogNoAddress(logger, digest.ServiceCode);
                outcomes.Add(new DigestOutcome(digest.ServiceCode, [], "", digest.Items.Count, "The head of service has no usable e-mail address."));
                continue;
            }

            string? error = null;
            try
            {
                await transport.SendAsync(message.Message, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                error = $"{e.GetType().Name}: {e.Message}";
                LogSendFailed(logger, digest.ServiceCode, transport.Name, error);
            }

            await AlertLog.WriteAsync(connection, asOf, transport.Name, message, error, cancellationToken);
            outcomes.Add(new DigestOutcome(digest.ServiceCode, message.Recipients, message.Message.Subject ?? "", digest.Items.Count, error));
        }

        return outcomes;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest for service {Service} not sent: its head of service has no usable e-mail address")]
    private static partial void LogNoAddress(ILogger logger, string service);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest for service {Service} failed over {Transport}; its items go with the next sweep: {Error}")]
    private static partial void LogSendFailed(ILogger logger, string service, string transport, string error);
}
