namespace Pmf.Pipeline.Sources;

/// <summary>How to query a service system's database.</summary>
public sealed class SqlSource
{
    /// <summary>The ADO.NET provider's invariant name: <c>Microsoft.Data.SqlClient</c> (default) or <c>Microsoft.Data.Sqlite</c>, or any registered with DbProviderFactories.</summary>
    public string Provider { get; set; } = SqlProviders.SqlClient;

    /// <summary>The name of the setting that holds the connection string, e.g. <c>ConnectionStrings:Revenues</c>.</summary>
    public string ConnectionStringSetting { get; set; } = "";

    /// <summary>The query; it is given <c>@periodStart</c> and <c>@periodEnd</c> (dates) for the open range.</summary>
    public string Query { get; set; } = "";
}
