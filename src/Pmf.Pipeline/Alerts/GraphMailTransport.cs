using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Azure.Core;
using MimeKit;

namespace Pmf.Pipeline.Alerts;

/// <summary>
/// Sends with Microsoft Graph as a mailbox: <c>POST {base}/users/{mailbox}/sendMail</c> with an app-only
/// token from Azure.Identity (managed identity in Azure). 202 Accepted is sent. 429 and 5xx answers are
/// transient <see cref="MailSendException"/>s carrying Graph's Retry-After; other answers are permanent.
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
    public Uri SendMailUri => new($"{_options.BaseUri.AbsoluteUri.TrimEnd('/')}/users/{Uri.EscapeDataString(_mailbox)}/sendMail");

    /// <inheritdoc/>
    /// <exception cref="MailSendException">Graph did not accept the message; says whether another try may succeed.</exception>
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = GraphMessage.Json(message, _options.SaveToSentItems, cancellationToken);
        var token = await Tokens.GetAsync(_credential, _options.Scope, cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, SendMailUri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken);
        }
        catch (Exception error) when (error is HttpRequestException || (error is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new MailSendException($"Graph {SendMailUri.Host}: {error.Message}", transient: true, null, error);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            var status = (int)response.StatusCode;
            var detail = await DetailAsync(response, cancellationToken);
            var transient = response.StatusCode == HttpStatusCode.TooManyRequests || status >= 500;
            throw new MailSendException($"Graph sendMail as {_mailbox} answered {status} {response.ReasonPhrase}: {detail}", transient, Pmf.Pipeline.RetryAfter.Of(response, _time));
        }
    }

    // Graph's errors are {"error":{"code":"ErrorInvalidRecipients","message":"..."}}; anything else is shown as it came, clipped.
    private static async Task<string> DetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                var said = error.TryGetProperty("message", out var m) ? m.GetString() : null;
                return $"{code}: {said}";
            }
        }
        catch (JsonException)
        {
            // Not Graph's error shape (a gateway's page, say): fall through to the text itself.
        }

        return text.Length > 500 ? text[..500] : text;
    }
}
