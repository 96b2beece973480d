using System.Net.Sockets;
using Azure.Core;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Pmf.Pipeline.Alerts;

/// <summary>
/// Sends over SMTP with MailKit: one connection per message, STARTTLS as configured, and either the
/// optional password login (<c>Smtp</c>) or SASL XOAUTH2 as a mailbox with a token from Azure.Identity
/// (<c>SmtpOAuth</c>, Exchange Online). Failures come out as <see cref="MailSendException"/>:
/// 4xx replies and dropped connections transient, 5xx replies and refused logins permanent.
/// </summary>
public sealed class SmtpMailTransport : IMailTransport
{
    private readonly SmtpOptions _options;
    private readonly string? _mailbox;
    private readonly TokenCredential? _credential;

    /// <summary>SMTP with the optional password login of <paramref name="options"/>.</summary>
    /// <param name="options">The server.</param>
    public SmtpMailTransport(SmtpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>SMTP with SASL XOAUTH2: logs in as <paramref name="mailbox"/> with a token for <see cref="SmtpOptions.OAuthScope"/>.</summary>
    /// <param name="options">The server; empty <see cref="SmtpOptions.Host"/> means Exchange Online.</param>
    /// <param name="mailbox">The mailbox to log in and send as.</param>
    /// <param name="credential">Issues the token: <c>DefaultAzureCredential</c> in production.</param>
    public SmtpMailTransport(SmtpOptions options, string mailbox, TokenCredential credential)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(mailbox);
        ArgumentNullException.ThrowIfNull(credential);
        _options = options;
        _mailbox = mailbox.Trim();
        _credential = credential;
    }

    /// <inheritdoc/>
    public string Name => _credential is null ? AlertOptions.SmtpTransport : AlertOptions.SmtpOAuthTransport;

    private string Host => string.IsNullOrWhiteSpace(_options.Host) && _credential is not null ? SmtpOptions.ExchangeOnlineHost : _options.Host;

    /// <inheritdoc/>
    /// <exception cref="MailSendException">The message did not go; says whether another try may succeed.</exception>
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var login = await LoginAsync(cancellationToken);
        try
        {
            using var client = new SmtpClient();
            await client.ConnectAsync(Host, _options.Port, _options.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
            if (login is not null)
            {
                await client.AuthenticateAsync(login, cancellationToken);
            }
            else if (!string.IsNullOrEmpty(_options.UserName))
            {
                await client.AuthenticateAsync(_options.UserName, _options.Password, cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception error) when (Failure(error) is { } failure)
        {
            throw failure;
        }
    }

    private async Task<SaslMechanism?> LoginAsync(CancellationToken cancellationToken)
    {
        if (_credential is null || _mailbox is null)
        {
            return null;
        }

        var token = await Tokens.GetAsync(_credential, _options.OAuthScope, cancellationToken);
        return new SaslMechanismOAuth2(_mailbox, token);
    }

    private MailSendException? Failure(Exception error) => error switch
    {
        SmtpCommandException command => new MailSendException(Describe(command), (int)command.StatusCode is >= 400 and < 500, null, command),
        AuthenticationException refused => new MailSendException(
            $"SMTP {Host} refused the login as {_mailbox ?? _options.UserName}: {refused.Message}", transient: false, null, refused),
        SslHandshakeException tls => new MailSendException($"SMTP {Host}: the TLS handshake failed: {tls.Message}", transient: false, null, tls),
        SmtpProtocolException or IOException or SocketException or ServiceNotConnectedException => new MailSendException(
            $"SMTP {Host}:{_options.Port}: {error.Message}", transient: true, null, error),
        _ => null,
    };

    private static string Describe(SmtpCommandException error)
    {
        var who = error.ErrorCode switch
        {
            SmtpErrorCode.RecipientNotAccepted => $" (recipient {error.Mailbox?.Address})",
            SmtpErrorCode.SenderNotAccepted => $" (sender {error.Mailbox?.Address})",
            _ => "",
        };
        return $"SMTP {(int)error.StatusCode} {error.Message}{who}";
    }
}
