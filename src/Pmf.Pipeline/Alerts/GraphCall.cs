using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Pmf.Pipeline.Alerts;

/// <summary>
/// One request to Graph (or to an upload URL it gave) with its failures as <see cref="MailSendException"/>s:
/// a dropped connection, 429 and 5xx are transient, carrying Graph's Retry-After; other answers are permanent.
/// </summary>
internal static class GraphCall
{
    /// <summary>A request to Graph itself: the bearer token and, if given, a JSON body. (Upload URLs carry their own token.)</summary>
    public static HttpRequestMessage Request(HttpMethod method, string uri, string token, byte[]? json = null)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (json is not null)
        {
            request.Content = new ByteArrayContent(json);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        return request;
    }

    /// <summary>
    /// The string <paramref name="property"/> of a successful answer's JSON, as <paramref name="parse"/> reads
    /// it; an answer without it (or not JSON) is a permanent failure naming <paramref name="what"/>.
    /// </summary>
    public static async Task<T> ReadAsync<T>(
        HttpResponseMessage response, string property, string what, string step, Func<string, T?> parse, CancellationToken cancellationToken)
        where T : class
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && parse(value.GetString()!) is { } read)
            {
                return read;
            }
        }
        catch (JsonException)
        {
            // Not what was asked for: reported below with what came.
        }

        throw new MailSendException($"Graph {step} answered {(int)response.StatusCode} without {what}: {Clip(text)}", transient: false);
    }

    /// <summary>Sends <paramref name="request"/>; a success is returned for the caller to read and dispose.</summary>
    /// <param name="http">The client.</param>
    /// <param name="request">The request.</param>
    /// <param name="step">What the request does, as the failure's message names it: "sendMail as …".</param>
    /// <param name="time">The clock a Retry-After date is read against.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, string step, TimeProvider time, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception error) when (error is HttpRequestException || (error is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new MailSendException($"Graph {request.RequestUri?.Host} ({step}): {error.Message}", transient: true, null, error);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var detail = await DetailAsync(response, cancellationToken);
            var transient = response.StatusCode == HttpStatusCode.TooManyRequests || status >= 500;
            throw new MailSendException($"Graph {step} answered {status} {response.ReasonPhrase}: {detail}", transient, Pmf.Pipeline.RetryAfter.Of(response, time));
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

        return Clip(text);
    }

    /// <summary>An answer's text as a failure shows it: the first 500 characters.</summary>
    public static string Clip(string text) => text.Length > 500 ? text[..500] : text;
}
