using Azure.Core;
using MimeKit;

namespace Pmf.Pipeline.Alerts;

/// <summary>
/// Sends with Microsoft Graph as a mailbox: <c>POST {base}/users/{mailbox}/sendMail</c> with an app-only
/// token from Azure.Identity (managed identity in Azure). 202 Accepted is sent. A message over Graph's 4 MB
/// request limit goes as a draft whose big attachments are uploaded in chunks, then sent (<see cref="GraphLargeMessage"/>).
/// 429 and 5xx answers are transient <see cref="MailSendException"/>s carrying Graph's Retry-After; other answers are permanent.
/// </summary>
public sealed class GraphMailTransport : IMailTransport
{
    private readonly HttpClient _http;
    private readonly TokenCredential _credential;
    private readonly string _mailbox;
    private readonly GraphMailOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the transport.</summary>
    /// <param name="http">Sends the requests (one long-lived client per process).</param>
    /// <param name="credential">Issues the token: <c>DefaultAzureCredential</c> in production.</param>
    /// <param name="mailbox">The mailbox to send as (its address or Entra object id).</param>
    /// <param name="options">Graph's address and scope.</param>
    /// <param name="time">The clock a Retry-After date is read against.</param>
    public GraphMailTransport(HttpClient http, TokenCredential credential, string mailbox, GraphMailOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentException.ThrowIfNullOrWhiteSpace(mailbox);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _credential = credential;
        _mailbox = mailbox.Trim();
        _options = options;
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc/>
    public string Name => AlertOptions.GraphTransport;

    /// <summary>The address messages are posted to.</summary>
    public Uri SendMailUri => new($"{MailboxUri}/sendMail");

    private string MailboxUri => $"{_options.BaseUri.AbsoluteUri.TrimEnd('/')}/users/{Uri.EscapeDataString(_mailbox)}";

    /// <inheritdoc/>
    /// <exception cref="MailSendException">Graph did not accept the message; says whether another try may succeed.</exception>
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var attachments = GraphMessage.Attachments(message, cancellationToken);
        // An attachment of 3 MB or more cannot fit as base64 in one request: no need to write the sendMail body to find out.
        var body = attachments.Any(a => a.Bytes.Length >= GraphMessage.LargeAttachmentBytes)
            ? null
            : GraphMessage.SendMail(message, attachments, _options.SaveToSentItems);
        var token = await Tokens.GetAsync(_credential, _options.Scope, cancellationToken);
        if (body is null || body.Length > GraphMessage.MaxRequestBytes)
        {
            var large = new GraphLargeMessage(_http, token, MailboxUri, _mailbox, _time);
            await large.SendAsync(message, attachments, cancellationToken);
            return;
        }

        using var request = GraphCall.Request(HttpMethod.Post, SendMailUri.AbsoluteUri, token, body);
        using var response = await GraphCall.SendAsync(_http, request, $"sendMail as {_mailbox}", _time, cancellationToken);
    }
}
