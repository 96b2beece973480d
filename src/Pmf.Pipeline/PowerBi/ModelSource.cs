namespace Pmf.Pipeline.PowerBi;

/// <summary>
/// Where the generated model loads from, as the values of its parameters (Power Query expressions
/// <c>Server</c>, <c>Database</c>, <c>DataSource</c> and <c>CsvFolder</c>); analysts can change them in
/// Power BI Desktop under Transform data, Edit parameters.
/// </summary>
/// <param name="DataSource"><c>Sql</c>: the views in Azure SQL / SQL Server; <c>Csv</c>: the CSV extracts of the views.</param>
/// <param name="Server">The SQL server, e.g. <c>pmf-sql.database.windows.net</c>.</param>
/// <param name="Database">The warehouse database, e.g. <c>pmf</c>.</param>
/// <param name="CsvFolder">
/// The folder holding <c>v_*.csv</c>, ending in a path separator. Power Query reads files by absolute
/// path only and cannot see where the project is, so the generated value is <see cref="RelativeCsvFolder"/>
/// and the analyst sets the full path once (docs/powerbi.md); regenerating keeps it.
/// </param>
public sealed record ModelSource(string DataSource, string Server, string Database, string CsvFolder)
{
    /// <summary>Read the views from SQL Server.</summary>
    public const string Sql = "Sql";

    /// <summary>Read the CSV extracts.</summary>
    public const string Csv = "Csv";

    /// <summary>The extracts folder relative to the project folder, as Power BI Desktop (Windows) writes paths.</summary>
    public const string RelativeCsvFolder = "extracts\\";
}
