using Microsoft.Extensions.Configuration;

namespace Pmf.Pipeline.Sources;

/// <summary>
/// Looks up a source's secrets by setting name. A value is handed only to the connector that sends it:
/// it is never logged, never put in a message and never stored.
/// </summary>
/// <param name="configuration">App settings and environment; in Azure, a Key Vault reference arrives here already resolved.</param>
public sealed class SourceSecrets(IConfiguration configuration)
{
    private const string KeyVaultReference = "@Microsoft.KeyVault(";

    /// <summary>The value of <paramref name="setting"/>, which holds <paramref name="what"/> for <paramref name="source"/>.</summary>
    /// <exception cref="ConfigurationProblemException">The setting is not set, or is a Key Vault reference nobody resolved.</exception>
    public string Get(string source, string setting, string what)
    {
        if (string.IsNullOrWhiteSpace(setting))
        {
            throw new ConfigurationProblemException($"Source '{source}' needs the name of the setting that holds its {what}.");
        }

        var value = configuration[setting];
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ConfigurationProblemException($"Source '{source}': the setting '{setting}' that should hold its {what} is not set.");
        }

        if (value.StartsWith(KeyVaultReference, StringComparison.OrdinalIgnoreCase))
        {
            throw new ConfigurationProblemException(
                $"Source '{source}': the setting '{setting}' is a Key Vault reference that was not resolved; App Service and Functions resolve it, elsewhere set the value itself.");
        }

        return value;
    }
}
