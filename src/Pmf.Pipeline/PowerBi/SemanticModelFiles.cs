using System.Security.Cryptography;
using System.Text;

namespace Pmf.Pipeline.PowerBi;

/// <summary>
/// The files of the Power BI project, as relative path and text: <c>PmfPipeline.pbip</c>, the
/// semantic model (<c>definition.pbism</c> and TMDL <c>definition/</c>) and the report referencing it by path.
/// </summary>
public static class SemanticModelFiles
{
    private const string ModelFolder = PmfModel.Name + ".SemanticModel";
    private const string ReportFolder = PmfModel.Name + ".Report";

    /// <summary>Builds every file of the project from the views' columns.</summary>
    /// <param name="views">The reporting views' columns, by view name, as the warehouse describes them.</param>
    /// <param name="councilCodes">The councils, one security role each.</param>
    /// <param name="source">The parameters' values: where the model loads from.</param>
    /// <returns>Relative path (with <c>/</c>) to file text.</returns>
    /// <exception cref="ConfigurationProblemException">A view the model needs is missing: the warehouse predates the reporting views.</exception>
    public static IReadOnlyDictionary<string, string> Build(
        IReadOnlyDictionary<string, IReadOnlyList<ViewColumn>> views,
        IReadOnlyList<string> councilCodes,
        ModelSource source)
    {
        ArgumentNullException.ThrowIfNull(views);
        ArgumentNullException.ThrowIfNull(councilCodes);
        ArgumentNullException.ThrowIfNull(source);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [PmfModel.Name + ".pbip"] = ProjectJson.Pbip(ReportFolder),
            [ModelFolder + "/definition.pbism"] = ProjectJson.Pbism(),
            [ReportFolder + "/definition.pbir"] = ProjectJson.Pbir("../" + ModelFolder),
            [".gitignore"] = "**/.pbi/localSettings.json\n**/.pbi/cache.abf\n",
            [ModelFolder + "/definition/database.tmdl"] = Database(),
            [ModelFolder + "/definition/expressions.tmdl"] = Expressions(source),
            [ModelFolder + "/definition/relationships.tmdl"] = Relationships(),
            [ModelFolder + "/definition/cultures/" + Culture + ".tmdl"] = new TmdlWriter().Object(0, "cultureInfo " + Culture).ToString(),
        };
        foreach (var (path, text) in ReportFiles.Build(PmfReport.Pages))
        {
            files[ReportFolder + "/definition/" + path] = text;
        }

        var roles = PmfModel.Roles(councilCodes);
        files[ModelFolder + "/definition/model.tmdl"] = Model();
        foreach (var table in PmfModel.Tables)
        {
            if (!views.TryGetValue(table.View, out var columns) || columns.Count == 0)
            {
                throw new ConfigurationProblemException($"The warehouse has no view {table.View} for the Power BI table {table.Name}; run 'pmf init' to bring the warehouse up to date.");
            }

            files[$"{ModelFolder}/definition/tables/{table.Name}.tmdl"] = Table(table, columns);
        }

        foreach (var role in roles)
        {
            // The role's name lives inside the file; the file is only named after it, made safe (a council code is data).
            var stem = SafeFileName.Of(role.Name);
            var name = stem;
            for (var n = 2; files.ContainsKey($"{ModelFolder}/definition/roles/{name}.tmdl"); n++)
            {
                name = $"{stem}-{n}";
            }

            files[$"{ModelFolder}/definition/roles/{name}.tmdl"] = Role(role, views);
        }

        return files;
    }

    /// <summary>The model's culture: dates, numbers and sorting as in England.</summary>
    public const string Culture = "en-GB";

    /// <summary>The compatibility level Power BI Desktop writes for a new model.</summary>
    public const string CompatibilityLevel = "1601";

    private static readonly string[] Parameters = ["Server", "Database", "DataSource", "CsvFolder"];

    private static string Database() => new TmdlWriter()
        .Object(0, "database " + PmfModel.Name)
        .Property(1, "compatibilityLevel", CompatibilityLevel)
        .Property(1, "compatibilityMode", "powerBI")
        .ToString();

    private static string Model()
    {
        var queryOrder = "[" + string.Join(",", Parameters.Concat(PmfModel.Tables.Select(t => t.Name)).Select(TmdlName.Text)) + "]";
        var tmdl = new TmdlWriter()
            .Object(0, "model Model")
            .Property(1, "culture", Culture)
            .Property(1, "defaultPowerBIDataSourceVersion", "powerBI_V3")
            .Property(1, "discourageImplicitMeasures")
            .Property(1, "sourceQueryCulture", Culture)
            .Property(1, "dataAccessOptions")
            .Property(2, "legacyRedirects")
            .Property(2, "returnErrorValuesAsNull")
            .Blank()
            // Without this Desktop adds a hidden date table for every date column (auto date/time).
            .Object(1, "annotation __PBI_TimeIntelligenceEnabled = 0")
            .Blank()
            .Object(1, "annotation PBI_QueryOrder = " + queryOrder)
            .Blank();
        foreach (var table in PmfModel.Tables)
        {
            tmdl.Object(0, "ref table " + TmdlName.Quote(table.Name));
        }

        return tmdl.Blank().Object(0, "ref cultureInfo " + Culture).ToString();
    }

    private static string Expressions(ModelSource source)
    {
        var tmdl = new TmdlWriter();
        Parameter(tmdl, "Server", source.Server, "The Azure SQL / SQL Server that holds the warehouse.");
        Parameter(tmdl, "Database", source.Database, "The warehouse database.");
        Parameter(tmdl, "DataSource", source.DataSource, "Sql to read the views from the database; Csv to read the CSV extracts in CsvFolder.");
        Parameter(tmdl, "CsvFolder", source.CsvFolder, "The full path of the folder of the CSV extracts (v_*.csv), ending in a path separator: the extracts folder beside PmfPipeline.pbip, e.g. C:\\PMF\\powerbi\\extracts\\. Power Query cannot read a relative path; set it once, and regenerating keeps it.");
        return tmdl.ToString();
    }

    private static void Parameter(TmdlWriter tmdl, string name, string value, string description) => tmdl
        .Object(0, $"expression {name} = {TmdlName.Text(value)} meta [IsParameterQuery = true, Type = \"Text\", IsParameterQueryRequired = true]", description)
        .Property(1, "lineageTag", LineageTag.Of("expression/" + name))
        .Blank()
        .Object(1, "annotation PBI_ResultType = Text")
        .Blank();

    private static string Relationships()
    {
        var tmdl = new TmdlWriter();
        foreach (var r in PmfModel.Relationships)
        {
            tmdl.Object(0, "relationship " + StableId($"{r.FromTable}.{r.FromColumn}->{r.ToTable}.{r.ToColumn}"))
                .Property(1, "fromColumn", TmdlName.Quote(r.FromTable) + "." + TmdlName.Quote(r.FromColumn))
                .Property(1, "toColumn", TmdlName.Quote(r.ToTable) + "." + TmdlName.Quote(r.ToColumn))
                .Blank();
        }

        return tmdl.ToString();
    }

    private static string Table(ModelTable table, IReadOnlyList<ViewColumn> columns)
    {
        var tmdl = new TmdlWriter().Object(0, "table " + TmdlName.Quote(table.Name), table.Description)
            .Property(1, "lineageTag", LineageTag.Of("table/" + table.Name));
        if (table.DateKeyColumn is not null)
        {
            tmdl.Property(1, "dataCategory", "Time");
        }

        tmdl.Blank();
        foreach (var measure in PmfModel.Measures.Where(m => m.Table == table.Name))
        {
            tmdl.Object(1, $"measure {TmdlName.Quote(measure.Name)} = {measure.Expression}", measure.Description)
                .Property(2, "formatString", measure.FormatString)
                .Property(2, "displayFolder", measure.DisplayFolder)
                .Property(2, "lineageTag", LineageTag.Of($"measure/{table.Name}/{measure.Name}"))
                .Blank();
        }

        foreach (var column in columns)
        {
            Column(tmdl, table, column);
        }

        tmdl.Object(1, $"partition {TmdlName.Quote(table.Name)} = m")
            .Property(2, "mode", "import")
            .Expression(2, "source", PartitionSource.Lines(table, columns))
            .Blank()
            .Object(1, "annotation PBI_ResultType = Table");
        return tmdl.ToString();
    }

    private static void Column(TmdlWriter tmdl, ModelTable table, ViewColumn column)
    {
        tmdl.Object(1, "column " + TmdlName.Quote(column.Name))
            .Property(2, "dataType", column.DataType);
        if (column.Name.EndsWith(" key", StringComparison.Ordinal))
        {
            tmdl.Property(2, "isHidden");
        }

        if (column.Name == table.DateKeyColumn)
        {
            tmdl.Property(2, "isKey");
        }

        if (FormatString(column) is { } format)
        {
            tmdl.Property(2, "formatString", format);
        }

        tmdl.Property(2, "sourceColumn", column.Name)
            .Property(2, "summarizeBy", PmfModel.Summed.Contains(column.Name) ? "sum" : "none");
        if (PmfModel.DisplayFolder(table.Name, column.Name) is { } folder)
        {
            tmdl.Property(2, "displayFolder", folder);
        }

        if (PmfModel.SortOrders.FirstOrDefault(s => s.Table == table.Name && s.Column == column.Name) is { SortBy: { } sortBy })
        {
            tmdl.Property(2, "sortByColumn", TmdlName.Quote(sortBy));
        }

        tmdl.Property(2, "lineageTag", LineageTag.Of($"column/{table.Name}/{column.Name}"))
            .Blank()
            .Object(2, "annotation SummarizationSetBy = User")
            .Blank();
    }

    private static string? FormatString(ViewColumn column) => column.DataType switch
    {
        TmdlDataType.DateTime when column.Name.EndsWith(" at", StringComparison.Ordinal) => "dd mmm yyyy hh:nn",
        TmdlDataType.DateTime => "dd mmm yyyy",
        TmdlDataType.Int64 => "0",
        TmdlDataType.Double => "#,0.##",
        _ => null,
    };

    private static string Role(ModelRole role, IReadOnlyDictionary<string, IReadOnlyList<ViewColumn>> views)
    {
        var tmdl = new TmdlWriter()
            .Object(0, "role " + TmdlName.Quote(role.Name))
            .Property(1, "modelPermission", "read")
            .Blank();
        foreach (var table in PmfModel.Tables)
        {
            var filter = role.Filters.FirstOrDefault(f => f.Key == table.Name).Value;
            var hidden = role.SeesSenders ? [] : views[table.View].Where(c => PmfModel.SenderColumns.Contains(c.Name)).ToList();
            if (filter is null && hidden.Count == 0)
            {
                continue;
            }

            tmdl.Object(1, "tablePermission " + TmdlName.Quote(table.Name) + (filter is null ? "" : " = " + filter)).Blank();
            foreach (var column in hidden)
            {
                tmdl.Object(2, $"columnPermission {TmdlName.Quote(column.Name)} = none").Blank();
            }
        }

        return tmdl.ToString();
    }

    // Relationships need unique names; a hash of what they join keeps the files stable from run to run.
    private static string StableId(string text)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }
}
