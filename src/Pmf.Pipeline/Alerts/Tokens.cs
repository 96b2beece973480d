using Azure.Core;
using Azure.Identity;

namespace Pmf.Pipeline.Alerts;

/// <summary>The token a mail transport signs in with, from Azure.Identity.</summary>
internal static class Tokens
{
    /// <summary>A token for <paramref name="scope"/>; a credential that cannot issue one is a permanent failure (Azure.Identity has already retried).</summary>
    public static async Task<string> GetAsync(TokenCredential credential, string scope, CancellationToken cancellationToken)
    {
        try
        {
            return (await credential.GetTokenAsync(new TokenRequestContext([scope]), cancellationToken)).Token;
        }
        catch (AuthenticationFailedException error)
        {
            throw new MailSendException($"No token for {scope} from the app's identity: {error.Message}", transient: false, null, error);
        }
    }
}
