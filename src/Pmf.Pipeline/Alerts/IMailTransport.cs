using MimeKit;

namespace Pmf.Pipeline.Alerts;

/// <summary>Where a finished message goes: an outbox folder or an SMTP server.</summary>
public interface IMailTransport
{
    /// <summary>The name written to <c>alert_log.transport</c>: Outbox or Smtp.</summary>
    string Name { get; }

    /// <summary>Sends (or writes) one message; throws when it did not go.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Stops the attempt.</param>
    /// <returns>A task that completes when the message has gone.</returns>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
