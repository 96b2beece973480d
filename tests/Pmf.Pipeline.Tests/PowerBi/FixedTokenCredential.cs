using Azure.Core;

namespace Pmf.Pipeline.Tests.PowerBi;

/// <summary>A TokenCredential that hands out one known token (or fails), and records the scopes asked for.</summary>
public sealed class FixedTokenCredential(string token, Exception? failure = null) : TokenCredential
{
    public List<string> Scopes { get; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        Scopes.AddRange(requestContext.Scopes);
        return failure is null
            ? ValueTask.FromResult(new AccessToken(token, DateTimeOffset.UnixEpoch.AddYears(100)))
            : ValueTask.FromException<AccessToken>(failure);
    }
}
