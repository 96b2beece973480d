namespace Pmf.Pipeline.Sources;

/// <summary>
/// How a REST source authenticates. Secrets are never written here: <see cref="SecretSetting"/> names
/// the setting (app setting, environment variable, or a Key Vault reference resolved by the platform)
/// that holds the API key or client secret.
/// </summary>
public sealed class SourceAuth
{
    /// <summary><c>none</c>, <c>apiKey</c>, <c>oauth2</c> (client credentials) or <c>entra</c> (Azure.Identity).</summary>
    public string Kind { get; set; } = SourceKinds.None;

    /// <summary>For <c>apiKey</c>: the header that carries the key.</summary>
    public string Header { get; set; } = "X-Api-Key";

    /// <summary>For <c>apiKey</c> and <c>oauth2</c>: the name of the setting holding the key or client secret, e.g. <c>Pmf:Secrets:HousingApiKey</c>.</summary>
    public string SecretSetting { get; set; } = "";

    /// <summary>For <c>oauth2</c>: the token endpoint.</summary>
    public string TokenUrl { get; set; } = "";

    /// <summary>For <c>oauth2</c>: the client id.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>For <c>oauth2</c> and <c>entra</c>: the scope to ask for, e.g. <c>api://housing/.default</c>.</summary>
    public string Scope { get; set; } = "";
}
