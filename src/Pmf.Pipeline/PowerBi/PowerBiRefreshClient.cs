using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Azure.Core;

namespace Pmf.Pipeline.PowerBi;

/// <summary>
/// Asks the Power BI REST API to refresh the semantic model
/// (<c>POST v1.0/myorg/groups/{workspace}/datasets/{dataset}/refreshes</c>) with an Entra token.
/// Every outcome is an answer, never an exception, except cancellation.
/// </summary>
public sealed class PowerBiRefreshClient
{
    /// <summary>The request body: no e-mail from Power BI on completion or failure.</summary>
    public const string Body = """{"notifyOption":"NoNotification"}""";

    private readonly HttpClient _http;
    private readonly TokenCredential _credential;
    private readonly PowerBiRefreshOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the client.</summary>
    /// <param name="http">Sends the request; its base address is ignored in favour of <see cref="PowerBiRefreshOptions.ApiAddress"/>.</param>
    /// <param name="credential">Issues the token: <c>DefaultAzureCredential</c> in production.</param>
    /// <param name="options">Workspace, dataset and address.</param>
    /// <param name="time">Reads a <c>Retry-After</c> given as a date; the system clock if null.</param>
    public PowerBiRefreshClient(HttpClient http, TokenCredential credential, PowerBiRefreshOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _credential = credential;
        _options = options;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Requests one refresh.</summary>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>What the API said, or <see cref="RefreshAnswerKind.Failed"/> with the reason.</returns>
    public async Task<RefreshAnswer> RequestAsync(CancellationToken cancellationToken)
    {
        try
        {
            var token = await _credential.GetTokenAsync(new TokenRequestContext([PowerBiRefreshOptions.Scope]), cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_options.ApiAddress, _options.RefreshPath))
            {
                Content = new StringContent(Body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
            using var response = await _http.SendAsync(request, cancellationToken);
            return await AnswerAsync(response, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new RefreshAnswer(RefreshAnswerKind.Failed, Detail: $"{error.GetType().Name}: {error.Message}");
        }
    }

    private async Task<RefreshAnswer> AnswerAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK)
        {
            return new RefreshAnswer(RefreshAnswerKind.Started, status);
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return new RefreshAnswer(RefreshAnswerKind.Throttled, status, Pipeline.RetryAfter.Of(response, _time));
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode == HttpStatusCode.Conflict || (response.StatusCode == HttpStatusCode.BadRequest && SaysAlreadyRunning(body)))
        {
            return new RefreshAnswer(RefreshAnswerKind.AlreadyRunning, status, Detail: body);
        }

        return new RefreshAnswer(RefreshAnswerKind.Failed, status, Detail: body.Length > 500 ? body[..500] : body);
    }

    // The service words it variously ("Another refresh request is already executing", "... is in progress").
    private static bool SaysAlreadyRunning(string body) =>
        body.Contains("already", StringComparison.OrdinalIgnoreCase)
        && (body.Contains("progress", StringComparison.OrdinalIgnoreCase) || body.Contains("executing", StringComparison.OrdinalIgnoreCase) || body.Contains("running", StringComparison.OrdinalIgnoreCase));
}
