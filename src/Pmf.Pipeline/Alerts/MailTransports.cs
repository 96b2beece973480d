using Azure.Core;
using Azure.Identity;

namespace Pmf.Pipeline.Alerts;

/// <summary>Picks the transport the settings name.</summary>
public static class MailTransports
{
    private static readonly Lazy<HttpClient> SharedHttp = new(() => new HttpClient());

    /// <summary>
    /// An <see cref="OutboxMailTransport"/>, an <see cref="SmtpMailTransport"/> (password or XOAUTH2) or a
    /// <see cref="GraphMailTransport"/>, as <see cref="AlertOptions.Transport"/> says.
    /// </summary>
    /// <param name="options">The settings.</param>
    /// <param name="http">For Graph: the process's long-lived client (a shared one when null).</param>
    /// <param name="credential">
    /// For <c>SmtpOAuth</c> and <c>Graph</c>: issues the tokens; when null, <see cref="DefaultAzureCredential"/>
    /// (managed or workload identity in Azure, the developer's sign-in locally).
    /// </param>
    /// <param name="time">The clock Graph's Retry-After dates are read against.</param>
    /// <returns>The transport.</returns>
    /// <exception cref="ArgumentException">The settings are unusable; the message says what to fix.</exception>
    public static IMailTransport Create(AlertOptions options, HttpClient? http = null, TokenCredential? credential = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        return options.Kind switch
        {
            MailTransportKind.Smtp => new SmtpMailTransport(options.Smtp),
            MailTransportKind.SmtpOAuth => new SmtpMailTransport(options.Smtp, options.Mailbox, credential ?? new DefaultAzureCredential()),
            MailTransportKind.Graph => new GraphMailTransport(
                http ?? SharedHttp.Value, credential ?? new DefaultAzureCredential(), options.Mailbox, options.Graph, time),
            _ => new OutboxMailTransport(options.OutboxFolder),
        };
    }
}
