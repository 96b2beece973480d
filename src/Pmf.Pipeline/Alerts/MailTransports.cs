namespace Pmf.Pipeline.Alerts;

/// <summary>Picks the transport the settings name.</summary>
public static class MailTransports
{
    /// <summary>An <see cref="OutboxMailTransport"/> or an <see cref="SmtpMailTransport"/>.</summary>
    /// <exception cref="ArgumentException">The settings are unusable; the message says what to fix.</exception>
    public static IMailTransport Create(AlertOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        return options.IsSmtp ? new SmtpMailTransport(options.Smtp) : new OutboxMailTransport(options.OutboxFolder);
    }
}
