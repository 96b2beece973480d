using Dapper;
using Pmf.Pipeline.PowerBi;
using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.PowerBi;

/// <summary>
/// What Power BI Desktop itself writes into a model, so the generated one opens as Desktop expects and
/// stays the same model from run to run: lineage tags, annotations, data access options, compatibility,
/// culture and natural sort orders, all as Microsoft's TMDL schema defines them.
/// </summary>
public sealed class ModelMetadataTests(ReportingWarehouse warehouse) : IClassFixture<ReportingWarehouse>
{
    private static readonly string[] Tagged = ["table", "column", "measure", "expression"];

    private readonly GeneratedProject _model = GeneratedProject.Read(warehouse.OutputFolder);

    [Fact]
    public async Task Generating_twice_from_the_same_warehouse_gives_identical_files()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        await PowerBiProjectWriter.WriteAsync(warehouse.Harness.Warehouse.Database, warehouse.Harness.Warehouse.Options.ConnectionString, first.Path, CancellationToken.None);
        await PowerBiProjectWriter.WriteAsync(warehouse.Harness.Warehouse.Database, warehouse.Harness.Warehouse.Options.ConnectionString, second.Path, CancellationToken.None);

        var a = Files(first.Path);
        var b = Files(second.Path);
        Assert.Equal(a.Keys, b.Keys);
        Assert.All(a, file => Assert.True(file.Value == b[file.Key], $"{file.Key} differs between two runs"));
        Assert.Contains(a.Keys, k => k.EndsWith("tables/Result.tmdl", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CsvFolder_defaults_to_the_extracts_folder_relative_to_the_project_and_regenerating_keeps_what_the_analyst_set()
    {
        using var folder = new TempFolder();
        var database = warehouse.Harness.Warehouse.Database;
        var connection = warehouse.Harness.Warehouse.Options.ConnectionString;
        await PowerBiProjectWriter.WriteAsync(database, connection, folder.Path, CancellationToken.None);
        var file = Path.Combine(folder.Path, "PmfPipeline.SemanticModel", "definition", "expressions.tmdl");
        Assert.Equal("extracts\\", ParameterValues.Read(await File.ReadAllTextAsync(file))["CsvFolder"]);

        var edited = (await File.ReadAllTextAsync(file))
            .Replace("expression CsvFolder = \"extracts\\\"", "expression CsvFolder = \"C:\\Users\\analyst\\PMF \"\"live\"\"\\extracts\\\"", StringComparison.Ordinal)
            .Replace("expression DataSource = \"Csv\"", "expression DataSource = \"Sql\"", StringComparison.Ordinal)
            .Replace("expression Server = \"localhost\"", "expression Server = \"pmf-sql.database.windows.net\"", StringComparison.Ordinal);
        await File.WriteAllTextAsync(file, edited);
        await PowerBiProjectWriter.WriteAsync(database, connection, folder.Path, CancellationToken.None);

        var kept = ParameterValues.Read(await File.ReadAllTextAsync(file));
        Assert.Equal("C:\\Users\\analyst\\PMF \"live\"\\extracts\\", kept["CsvFolder"]);
        Assert.Equal("Sql", kept["DataSource"]);
        Assert.Equal("pmf-sql.database.windows.net", kept["Server"]);
        Assert.Equal("pmf", kept["Database"]);
        Assert.True(File.Exists(Path.Combine(folder.Path, "extracts", "v_result.csv")), "the extracts stop when the analyst switches to Sql");
        Assert.Empty(TmdlSchema.Load().Check("expressions.tmdl", TmdlReader.Read(file, await File.ReadAllTextAsync(file))));
    }

    [Fact]
    public void Every_table_column_measure_and_parameter_has_its_own_lineage_tag_derived_from_its_path()
    {
        var tagged = _model.Files.Values.SelectMany(f => f).SelectMany(Flatten).Where(o => Tagged.Contains(o.Keyword)).ToList();
        Assert.True(tagged.Count > 150, $"only {tagged.Count} tagged objects");
        Assert.All(tagged, o => Assert.True(
            o.Properties.TryGetValue("lineageTag", out var tag) && Guid.TryParseExact(tag, "D", out _),
            $"{o.Keyword} {o.Name} has no lineageTag"));
        var tags = tagged.Select(o => o.Properties["lineageTag"]).ToList();
        Assert.Equal(tags.Count, tags.Distinct().Count());
        Assert.Equal(LineageTag.Of("column/Result/RAG"), _model.Table("Result").All("column").Single(c => c.Name == "RAG").Properties["lineageTag"]);
    }

    [Fact]
    public void Every_tmdl_file_keeps_to_Microsofts_TMDL_schema()
    {
        var schema = TmdlSchema.Load();
        var problems = _model.Files.SelectMany(f => schema.Check(f.Key, f.Value)).ToList();

        Assert.Empty(problems);
    }

    [Fact]
    public void The_schema_check_finds_an_unknown_property_bad_enum_values_and_a_misplaced_object()
    {
        var schema = TmdlSchema.Load();
        var table = new TmdlObject("table", "T", null, null, 1);
        table.Properties["lineageTag"] = "x";
        table.Properties["colour"] = "red";
        var column = new TmdlObject("column", "C", null, null, 4);
        column.Properties["dataType"] = "text";
        column.Properties["summarizeBy"] = "none";
        column.Children.Add(new TmdlObject("measure", "M", "1", null, 7));
        table.Children.Add(column);
        var role = new TmdlObject("role", "R", null, null, 9);
        var permission = new TmdlObject("tablePermission", "T", null, null, 10);
        permission.Children.Add(new TmdlObject("columnPermission", "C", "hidden", null, 11));
        role.Children.Add(permission);
        List<TmdlObject> objects = [table, role];

        var problems = schema.Check("t.tmdl", objects);

        Assert.Contains(problems, p => p.Contains("colour is not a property of Table", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("dataType: 'text' is not one of", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Measure is not an object allowed here", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("MetadataPermission: 'hidden' is not one of default, none, read", StringComparison.Ordinal));
        Assert.Equal(4, problems.Count);
    }

    [Fact]
    public void The_database_is_at_the_current_compatibility_level_in_Power_BI_mode()
    {
        var database = Assert.Single(_model.Files["database.tmdl"]);

        Assert.Equal("1601", database.Properties["compatibilityLevel"]);
        Assert.Equal("powerBI", database.Properties["compatibilityMode"]);
        Assert.Equal(["compatibilityLevel", "compatibilityMode"], database.Properties.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_model_turns_off_auto_date_time_returns_errors_as_blanks_and_uses_the_en_GB_culture()
    {
        var model = _model.Files["model.tmdl"].Single(o => o.Keyword == "model");
        var annotations = model.All("annotation").ToDictionary(a => a.Name, a => a.Expression);
        var access = Assert.Single(model.All("dataAccessOptions"));

        Assert.Equal("0", annotations["__PBI_TimeIntelligenceEnabled"]);
        Assert.True(access.Properties.ContainsKey("legacyRedirects"));
        Assert.True(access.Properties.ContainsKey("returnErrorValuesAsNull"));
        Assert.Equal("en-GB", model.Properties["culture"]);
        Assert.Equal("cultureInfo", Assert.Single(_model.Files["cultures/en-GB.tmdl"]).Keyword);
        Assert.Contains(_model.Files["model.tmdl"], o => o is { Keyword: "ref", Name: "cultureInfo en-GB" });
        Assert.All(_model.Files["model.tmdl"].Where(o => o.Keyword == "ref" && o.Name.StartsWith("table ", StringComparison.Ordinal)),
            r => Assert.True(_model.Files.ContainsKey($"tables/{r.Name["table ".Length..].Trim('\'')}.tmdl"), $"ref {r.Name} has no file"));
        Assert.All(_model.Tables, t => Assert.Equal("Table", t.All("annotation").Single(a => a.Name == "PBI_ResultType").Expression));
    }

    [Theory]
    [InlineData("Date", "Day of week", "Day number", "Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday")]
    [InlineData("Date", "Month", "Financial month", "April,May,June,July,August,September,October,November,December,January,February,March")]
    [InlineData("Period", "Period label", "Period key", null)]
    [InlineData("Result", "RAG", "RAG order", null)]
    public async Task Text_columns_with_a_natural_order_sort_by_a_column_with_one_value_per_text(string table, string column, string sortBy, string? order)
    {
        var spec = PmfModel.Tables.Single(t => t.Name == table);
        var written = _model.Table(table).All("column").Single(c => c.Name == column).Properties["sortByColumn"]!;
        Assert.Equal(sortBy, TmdlReader.ReadName(column, written).Name);

        await using var connection = await warehouse.Harness.Warehouse.OpenAsync();
        var pairs = (await connection.QueryAsync<(string Text, long Key)>(
            $"SELECT DISTINCT \"{column}\", \"{sortBy}\" FROM {spec.View} WHERE \"{column}\" IS NOT NULL")).ToList();
        Assert.NotEmpty(pairs);
        Assert.Equal(pairs.Count, pairs.Select(p => p.Text).Distinct().Count()); // Power BI refuses a sort-by column with two values for one text
        if (order is not null)
        {
            Assert.Equal(order.Split(','), pairs.GroupBy(p => p.Text).OrderBy(g => g.Min(p => p.Key)).Select(g => g.Key));
        }
    }

    private static IEnumerable<TmdlObject> Flatten(TmdlObject o) => o.Children.SelectMany(Flatten).Prepend(o);

    private static Dictionary<string, string> Files(string folder) => Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
        .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);
}
