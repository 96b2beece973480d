using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Pmf.Pipeline.Alerts;

/// <summary>Sends over SMTP with MailKit: one connection per message, STARTTLS and login as configured.</summary>
/// <param name="options">The server.</param>
public sealed class SmtpMailTransport(SmtpOptions options) : IMailTransport
{
    /// <inheritdoc/>
    public string Name => AlertOptions.SmtpTransport;

    /// <inheritdoc/>
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var client = new SmtpClient();
        await client.ConnectAsync(options.Host, options.Port, options.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await client.AuthenticateAsync(options.UserName, options.Password, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
