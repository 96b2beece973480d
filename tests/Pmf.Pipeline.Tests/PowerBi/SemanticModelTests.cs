using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using Pmf.Pipeline.PowerBi;

namespace Pmf.Pipeline.Tests.PowerBi;

public sealed partial class SemanticModelTests(ReportingWarehouse warehouse) : IClassFixture<ReportingWarehouse>
{
    private readonly GeneratedProject _model = GeneratedProject.Read(warehouse.OutputFolder);

    [Fact]
    public void Every_generated_tmdl_file_reads_with_the_strict_TMDL_reader()
    {
        var expected = new[] { "database.tmdl", "expressions.tmdl", "model.tmdl", "relationships.tmdl" }
            .Concat(PmfModel.Tables.Select(t => $"tables/{t.Name}.tmdl"));

        Assert.Subset(_model.Files.Keys.ToHashSet(), expected.ToHashSet());
        Assert.Equal(PmfModel.Tables.Count, _model.Tables.Count);
        Assert.All(_model.Files.Values, objects => Assert.NotEmpty(objects));
    }

    [Fact]
    public void Every_generated_json_file_parses_and_the_report_points_at_the_model_by_path()
    {
        var json = Directory.GetFiles(warehouse.OutputFolder, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".pbip", StringComparison.Ordinal)
                || f.EndsWith(".pbism", StringComparison.Ordinal) || f.EndsWith(".pbir", StringComparison.Ordinal))
            .ToList();

        Assert.Equal(3 + PmfReport.Pages.Count + PmfReport.Pages.Sum(p => p.Visuals.Count) + 3, json.Count);
        foreach (var file in json)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        }

        using var pbir = JsonDocument.Parse(File.ReadAllText(Path.Combine(warehouse.OutputFolder, "PmfPipeline.Report", "definition.pbir")));
        var modelPath = pbir.RootElement.GetProperty("datasetReference").GetProperty("byPath").GetProperty("path").GetString()!;
        Assert.True(File.Exists(Path.Combine(warehouse.OutputFolder, "PmfPipeline.Report", modelPath, "definition.pbism")));
        using var pbip = JsonDocument.Parse(File.ReadAllText(warehouse.Project.ProjectFile));
        Assert.Equal("PmfPipeline.Report", pbip.RootElement.GetProperty("artifacts")[0].GetProperty("report").GetProperty("path").GetString());
    }

    [Fact]
    public void Every_table_and_column_exists_in_its_view_with_a_compatible_data_type()
    {
        foreach (var spec in PmfModel.Tables)
        {
            var table = _model.Table(spec.Name);
            var view = warehouse.Views[spec.View].ToDictionary(c => c.Name);
            var columns = table.All("column").ToList();
            Assert.Equal(view.Keys.Order(StringComparer.Ordinal), columns.Select(c => c.Properties["sourceColumn"]!).Order(StringComparer.Ordinal));
            foreach (var column in columns)
            {
                var source = view[column.Properties["sourceColumn"]!];
                var dataType = column.Properties["dataType"]!;
                Assert.True(TmdlDataType.IsCompatible(dataType, source.SourceType), $"{spec.Name}[{column.Name}] is {dataType} but {spec.View}.{source.Name} is '{source.SourceType}'");
                Assert.True(column.Properties.ContainsKey("summarizeBy"), $"{spec.Name}[{column.Name}] has no summarizeBy");
            }
        }
    }

    [Fact]
    public async Task Every_value_in_every_view_loads_into_its_column_data_type()
    {
        await using var connection = await warehouse.Harness.Warehouse.OpenAsync();
        foreach (var spec in PmfModel.Tables)
        {
            var types = _model.Table(spec.Name).All("column").ToDictionary(c => c.Properties["sourceColumn"]!, c => c.Properties["dataType"]!);
            await using var reader = await connection.ExecuteReaderAsync($"SELECT * FROM {spec.View}");
            var rows = 0;
            while (await reader.ReadAsync())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (!reader.IsDBNull(i))
                    {
                        var value = reader.GetValue(i);
                        Assert.True(Loads(value, types[reader.GetName(i)]), $"{spec.View}.{reader.GetName(i)} = '{value}' ({value.GetType().Name}) does not load as {types[reader.GetName(i)]}");
                    }
                }
            }

            Assert.True(rows > 0, $"{spec.View} is empty in the sample warehouse, so its types went unchecked");
        }
    }

    [Fact]
    public async Task Every_relationship_joins_existing_columns_of_the_same_type_onto_a_unique_key()
    {
        Assert.Equal(PmfModel.Relationships.Count, _model.Relationships.Count);
        await using var connection = await warehouse.Harness.Warehouse.OpenAsync();
        foreach (var relationship in _model.Relationships)
        {
            var (fromTable, fromColumn) = GeneratedProject.ColumnReference(relationship.Properties["fromColumn"]!);
            var (toTable, toColumn) = GeneratedProject.ColumnReference(relationship.Properties["toColumn"]!);
            var from = Column(fromTable, fromColumn);
            var to = Column(toTable, toColumn);
            Assert.Equal(from.Properties["dataType"], to.Properties["dataType"]);

            var toView = View(toTable);
            var duplicates = await connection.ExecuteScalarAsync<long>(
                $"SELECT COUNT(*) FROM (SELECT \"{toColumn}\" FROM {toView} GROUP BY \"{toColumn}\" HAVING COUNT(*) > 1) AS d");
            Assert.True(duplicates == 0, $"{toTable}[{toColumn}] is not unique, so it cannot be the one side of {fromTable}[{fromColumn}]");
        }
    }

    [Fact]
    public async Task Every_result_finds_its_indicator_period_date_council_service_and_priority()
    {
        await using var connection = await warehouse.Harness.Warehouse.OpenAsync();
        foreach (var relationship in PmfModel.Relationships.Where(r => r.FromTable == "Result"))
        {
            var orphans = await connection.ExecuteScalarAsync<long>(
                $"SELECT COUNT(*) FROM v_result AS r WHERE NOT EXISTS (SELECT 1 FROM {View(relationship.ToTable)} AS d WHERE d.\"{relationship.ToColumn}\" = r.\"{relationship.FromColumn}\")");
            Assert.True(orphans == 0, $"{orphans} results have no {relationship.ToTable} row for {relationship.FromColumn}");
        }
    }

    [Fact]
    public void Every_measure_and_role_filter_refers_only_to_existing_tables_columns_and_measures()
    {
        var measures = _model.Tables.SelectMany(t => t.All("measure")).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(PmfModel.Measures.Select(m => m.Name).Order(), measures.Order());
        var expressions = _model.Tables.SelectMany(t => t.All("measure").Select(m => (Where: $"measure {m.Name}", Dax: m.Expression!)))
            .Concat(_model.Roles.SelectMany(r => r.All("tablePermission").Where(p => p.Expression is not null).Select(p => (Where: $"role {r.Name} on {p.Name}", Dax: p.Expression!))));
        foreach (var (where, dax) in expressions)
        {
            var references = 0;
            foreach (Match reference in DaxReference().Matches(DaxString().Replace(dax, "\"\"")))
            {
                references++;
                if (reference.Groups["table"].Success)
                {
                    var table = reference.Groups["table"].Value.Replace("''", "'", StringComparison.Ordinal);
                    Assert.True(_model.Tables.Any(t => t.Name == table), $"{where}: no table '{table}'");
                    if (reference.Groups["column"].Success)
                    {
                        var column = reference.Groups["column"].Value.Replace("]]", "]", StringComparison.Ordinal);
                        Assert.True(_model.Table(table).All("column").Any(c => c.Name == column), $"{where}: no column '{table}'[{column}]");
                    }
                }
                else
                {
                    var measure = reference.Groups["measure"].Value.Replace("]]", "]", StringComparison.Ordinal);
                    Assert.True(measures.Contains(measure), $"{where}: [{measure}] is not a measure");
                }
            }

            Assert.True(references > 0 || dax.Contains("COUNTROWS", StringComparison.Ordinal), $"{where}: refers to nothing: {dax}");
        }
    }

    [Fact]
    public void The_date_table_is_marked_as_a_date_table_and_sort_by_columns_exist()
    {
        var date = _model.Table("Date");
        Assert.Equal("Time", date.Properties["dataCategory"]);
        var key = Assert.Single(date.All("column"), c => c.Properties.ContainsKey("isKey"));
        Assert.Equal(("Date", "dateTime"), (key.Name, key.Properties["dataType"]));

        foreach (var table in _model.Tables)
        {
            foreach (var column in table.All("column").Where(c => c.Properties.ContainsKey("sortByColumn")))
            {
                var (sortBy, _) = TmdlReader.ReadName(column.Name, column.Properties["sortByColumn"]!);
                Assert.Contains(table.All("column"), c => c.Name == sortBy);
            }
        }
    }

    [Fact]
    public void Partitions_read_the_views_through_Sql_Database_with_the_Server_and_Database_parameters_or_the_CSV_extracts()
    {
        var parameters = _model.Expressions.ToDictionary(e => e.Name, e => e.Expression!);
        Assert.Equal(["CsvFolder", "DataSource", "Database", "Server"], parameters.Keys.Order(StringComparer.Ordinal));
        Assert.All(parameters.Values, p => Assert.Contains("IsParameterQuery = true", p, StringComparison.Ordinal));
        Assert.StartsWith("\"Csv\"", parameters["DataSource"], StringComparison.Ordinal);
        foreach (var spec in PmfModel.Tables)
        {
            var partition = Assert.Single(_model.Table(spec.Name).All("partition"));
            Assert.Equal("m", partition.Expression);
            var source = partition.Properties["source"]!;
            Assert.Contains($"Sql.Database(Server, Database){{[Schema = \"dbo\", Item = \"{spec.View}\"]}}[Data]", source, StringComparison.Ordinal);
            Assert.Contains($"File.Contents(CsvFolder & \"{spec.View}.csv\")", source, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void There_is_a_role_per_council_one_for_heads_of_service_and_one_for_the_performance_team()
    {
        Assert.Equal(["Council ASH", "Council BRK", "Head of service", "Performance team"], _model.Roles.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.All(_model.Roles, r => Assert.Equal("read", r.Properties["modelPermission"]));
        Assert.Contains("USERPRINCIPALNAME()", _model.Roles.Single(r => r.Name == "Head of service").All("tablePermission").Single(p => p.Name == "Service").Expression, StringComparison.Ordinal);
    }

    private TmdlObject Column(string table, string column) =>
        _model.Table(table).All("column").SingleOrDefault(c => c.Name == column) ?? throw new Xunit.Sdk.XunitException($"No column {table}[{column}]");

    private static string View(string table) => PmfModel.Tables.Single(t => t.Name == table).View;

    private static bool Loads(object value, string dataType) => dataType switch
    {
        TmdlDataType.Int64 => value is long or int,
        TmdlDataType.Double => value is long or double or decimal,
        TmdlDataType.DateTime => value is string text && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        TmdlDataType.String => value is string,
        _ => false,
    };

    // 'Table', 'Table'[Column] or [Measure], read left to right once string literals are blanked.
    [GeneratedRegex(@"'(?<table>(?:[^']|'')+)'(?:\[(?<column>(?:[^\]]|\]\])+)\])?|\[(?<measure>(?:[^\]]|\]\])+)\]")]
    private static partial Regex DaxReference();

    [GeneratedRegex("\"(?:[^\"]|\"\")*\"")]
    private static partial Regex DaxString();
}
