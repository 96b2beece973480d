using System.Net.Http.Headers;
using System.Text.Json;
using Azure.Core;
using Azure.Identity;

namespace Pmf.Pipeline.Sources;

/// <summary>
/// Puts a REST source's credentials on each request: an API key header, or a bearer token from an
/// OAuth2 client-credentials endpoint or from Azure.Identity, cached until shortly before it expires.
/// Secret values live only in this object and on the wire.
/// </summary>
internal sealed class RestAuthenticator(SourceDefinition source, SourceSecrets secrets, HttpClient http, TimeProvider time, Func<TokenCredential> credential)
{
    private readonly SourceAuth _auth = source.Rest.Auth;
    private (string Token, DateTimeOffset ExpiresAt)? _token;

    /// <summary>Values a message must never contain; the job scrubs them from anything it records.</summary>
    public IEnumerable<string> Secrets()
    {
        if (Is(SourceKinds.ApiKey) || Is(SourceKinds.OAuth2))
        {
            yield return secrets.Get(source.Name, _auth.SecretSetting, "secret");
        }

        if (_token is { } token)
        {
            yield return token.Token;
        }
    }

    public async Task ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Is(SourceKinds.ApiKey))
        {
            request.Headers.TryAddWithoutValidation(_auth.Header, secrets.Get(source.Name, _auth.SecretSetting, "API key"));
        }
        else if (Is(SourceKinds.OAuth2) || Is(SourceKinds.Entra))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(cancellationToken));
        }
    }

    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_token is { } cached && cached.ExpiresAt > now.AddMinutes(1))
        {
            return cached.Token;
        }

        if (Is(SourceKinds.Entra))
        {
            var access = await credential().GetTokenAsync(new TokenRequestContext([_auth.Scope]), cancellationToken);
            _token = (access.Token, access.ExpiresOn);
            return access.Token;
        }

        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = _auth.ClientId,
            ["client_secret"] = secrets.Get(source.Name, _auth.SecretSetting, "client secret"),
        };
        if (!string.IsNullOrWhiteSpace(_auth.Scope))
        {
            form["scope"] = _auth.Scope;
        }

        using var content = new FormUrlEncodedContent(form);
        using var response = await http.PostAsync(new Uri(_auth.TokenUrl), content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new SourceFailedException($"Source '{source.Name}': the token endpoint {_auth.TokenUrl} refused the client credentials ({(int)response.StatusCode} {response.ReasonPhrase}).");
        }

        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        if (!body.RootElement.TryGetProperty("access_token", out var token) || token.GetString() is not { Length: > 0 } value)
        {
            throw new SourceFailedException($"Source '{source.Name}': the token endpoint {_auth.TokenUrl} answered without an access_token.");
        }

        var lifetime = body.RootElement.TryGetProperty("expires_in", out var expires) && expires.TryGetInt32(out var seconds) ? seconds : 300;
        _token = (value, now.AddSeconds(lifetime));
        return value;
    }

    private bool Is(string kind) => string.Equals(_auth.Kind, kind, StringComparison.OrdinalIgnoreCase);

    /// <summary>The credential for <c>entra</c>: managed identity in Azure, the developer's sign-in locally.</summary>
    public static TokenCredential DefaultCredential() => new DefaultAzureCredential();
}
