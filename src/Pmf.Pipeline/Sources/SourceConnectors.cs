using Azure.Core;

namespace Pmf.Pipeline.Sources;

/// <summary>
/// Makes the connector for a source's kind, and knows the secrets it must keep out of messages. The Entra
/// credential is made once, when a source first needs it, and kept: DefaultAzureCredential is costly to
/// build and caches tokens itself.
/// </summary>
internal sealed class SourceConnectors(SourceSecrets secrets, HttpClient http, TimeProvider time, Func<TokenCredential> makeCredential)
{
    private readonly Lazy<TokenCredential> _entra = new(makeCredential);

    public (ISourceConnector Connector, Func<IEnumerable<string>> Secrets) For(SourceDefinition source)
    {
        if (source.IsSql)
        {
            return (new SqlSourceConnector(source, secrets), () => Quietly(() => [secrets.Get(source.Name, source.Sql.ConnectionStringSetting, "connection string")]));
        }

        var auth = new RestAuthenticator(source, secrets, http, time, () => _entra.Value);
        return (new RestSourceConnector(source, http, auth, time), () => Quietly(auth.Secrets));
    }

    private static IEnumerable<string> Quietly(Func<IEnumerable<string>> secretsOf)
    {
        try
        {
            return [.. secretsOf()];
        }
        catch (ConfigurationProblemException)
        {
            return [];
        }
    }
}
