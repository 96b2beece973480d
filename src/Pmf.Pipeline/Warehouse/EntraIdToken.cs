using Azure.Core;
using Azure.Identity;
using Microsoft.Data.SqlClient;

namespace Pmf.Pipeline.Warehouse;

/// <summary>
/// Serves <c>Authentication=Active Directory Default</c> with <see cref="DefaultAzureCredential"/>
/// through <see cref="SqlConnection.AccessTokenCallback"/>.
/// </summary>
/// <remarks>
/// Microsoft.Data.SqlClient 7 moved its Entra ID providers into Microsoft.Data.SqlClient.Extensions.Azure,
/// which the build feed does not carry; without it such a connection string fails at the first login with
/// "Cannot find an authentication provider for 'ActiveDirectoryDefault'". Azure.Identity is already here,
/// so the setting keeps its documented meaning: managed identity in Azure, the developer's sign-in locally.
/// </remarks>
internal static class EntraIdToken
{
    private static readonly Lazy<TokenCredential> Credential = new(() => new DefaultAzureCredential());

    // One delegate instance for every connection, so connections share one pool.
    public static readonly Func<SqlAuthenticationParameters, CancellationToken, Task<SqlAuthenticationToken>> Callback = GetAsync;

    /// <summary>
    /// Moves Active Directory Default from the connection string to <see cref="Callback"/>.
    /// </summary>
    /// <returns>The connection string to use, and whether <see cref="Callback"/> must be attached.</returns>
    public static (string ConnectionString, bool UsesCallback) Rewrite(string connectionString)
    {
        var builder = new SqlConnectionStringBuilder(connectionString);
        if (builder.Authentication != SqlAuthenticationMethod.ActiveDirectoryDefault)
        {
            return (connectionString, false);
        }

        builder.Authentication = SqlAuthenticationMethod.NotSpecified;
        return (builder.ConnectionString, true);
    }

    private static async Task<SqlAuthenticationToken> GetAsync(SqlAuthenticationParameters parameters, CancellationToken cancellationToken)
    {
        var scope = parameters.Resource.TrimEnd('/') + "/.default";
        var token = await Credential.Value.GetTokenAsync(new TokenRequestContext([scope]), cancellationToken);
        return new SqlAuthenticationToken(token.Token, token.ExpiresOn);
    }
}
