using System.Text;
using Microsoft.Data.SqlClient;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.PowerBi;

/// <summary>
/// <c>pmf powerbi</c>: writes a Power BI project generated from the warehouse's own views, and for the
/// embedded SQLite warehouse CSV extracts of the views in <c>extracts/</c> beside it, which the model
/// then reads, so Power BI Desktop opens it as it is.
/// </summary>
public static class PowerBiProjectWriter
{
    /// <summary>The folder of the CSV extracts, inside the output folder.</summary>
    public const string ExtractsFolder = "extracts";

    /// <summary>Writes the project into <paramref name="folder"/> (created if missing; the project's own files are replaced).</summary>
    /// <param name="database">The warehouse, migrated.</param>
    /// <param name="connectionString">Its connection string, for the Server and Database parameters of SQL Server.</param>
    /// <param name="folder">The output folder.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="ConfigurationProblemException">The warehouse has not had the reporting views' migration.</exception>
    public static async Task<PowerBiProject> WriteAsync(WarehouseDatabase database, string connectionString, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var root = Path.GetFullPath(folder);
        var views = await WarehouseViews.ColumnsAsync(database, cancellationToken);
        if (PmfModel.Tables.FirstOrDefault(t => !views.ContainsKey(t.View)) is { } missing)
        {
            throw new ConfigurationProblemException($"The warehouse at {database.Location} has no view {missing.View} for the Power BI table {missing.Name}; run 'pmf init' to bring the warehouse up to date.");
        }

        var councils = await WarehouseViews.CouncilCodesAsync(database, cancellationToken);
        var extracts = Path.Combine(root, ExtractsFolder) + Path.DirectorySeparatorChar;
        var source = database.Dialect.Name == WarehouseOptions.SqlServer
            ? SqlServerSource(connectionString)
            : new ModelSource(ModelSource.Csv, "localhost", "pmf", ModelSource.RelativeCsvFolder);
        var definition = Path.Combine(root, PmfModel.Name + ".SemanticModel", "definition");
        var expressions = Path.Combine(definition, "expressions.tmdl");
        if (File.Exists(expressions))
        {
            source = ParameterValues.Keep(source, ParameterValues.Read(await File.ReadAllTextAsync(expressions, cancellationToken)));
        }

        var files = SemanticModelFiles.Build(views, councils, source).ToDictionary(StringComparer.Ordinal);
        if (StarterReport.AnalystsOwn(Path.Combine(root, PmfModel.Name + ".Report")))
        {
            // The report is the analysts' once they have worked on it: regenerating refreshes the model under it, never their pages.
            foreach (var path in files.Keys.Where(StarterReport.IsReportDefinition).ToList())
            {
                files.Remove(path);
            }
        }

        if (Directory.Exists(definition))
        {
            Directory.Delete(definition, recursive: true); // a role or table dropped since the last run must not linger
        }

        foreach (var (path, text) in files)
        {
            var full = SafeFileName.Under(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
        }

        var rows = database.Dialect.Name != WarehouseOptions.SqlServer
            ? await ViewExtracts.WriteAsync(database, views, extracts, cancellationToken)
            : new Dictionary<string, int>();
        return new PowerBiProject(
            root,
            Path.Combine(root, PmfModel.Name + ".pbip"),
            files.Keys.Order(StringComparer.Ordinal).ToList(),
            PmfModel.Tables.Count,
            PmfModel.Tables.Sum(t => views[t.View].Count),
            PmfModel.Measures.Count,
            PmfModel.Roles(councils).Count,
            rows);
    }

    private static ModelSource SqlServerSource(string connectionString)
    {
        var builder = new SqlConnectionStringBuilder(connectionString);
        var server = builder.DataSource.StartsWith("tcp:", StringComparison.OrdinalIgnoreCase) ? builder.DataSource[4..] : builder.DataSource;
        return new ModelSource(ModelSource.Sql, server, builder.InitialCatalog, ModelSource.RelativeCsvFolder);
    }
}
