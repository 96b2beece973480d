namespace Pmf.Pipeline.Sources;

/// <summary>The names configuration uses for kinds of source, paging and authentication.</summary>
public static class SourceKinds
{
    /// <summary>A REST API answering JSON.</summary>
    public const string Rest = "rest";

    /// <summary>A database answering a SQL query through ADO.NET.</summary>
    public const string Sql = "sql";

    /// <summary>No paging, or no authentication.</summary>
    public const string None = "none";

    /// <summary>Paging by a next link in each page's body.</summary>
    public const string NextLink = "nextLink";

    /// <summary>Paging by a page-number query parameter.</summary>
    public const string PageNumber = "pageNumber";

    /// <summary>An API key sent in a header.</summary>
    public const string ApiKey = "apiKey";

    /// <summary>An OAuth2 client-credentials token from a token endpoint.</summary>
    public const string OAuth2 = "oauth2";

    /// <summary>An Entra ID token from Azure.Identity (managed identity, or the developer's sign-in).</summary>
    public const string Entra = "entra";
}
