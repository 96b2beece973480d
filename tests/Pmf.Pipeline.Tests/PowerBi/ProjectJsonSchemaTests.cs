using System.Text.Json.Nodes;
using Pmf.Pipeline.PowerBi;

namespace Pmf.Pipeline.Tests.PowerBi;

/// <summary>
/// Every JSON file of the generated project names the schema Microsoft publishes for it and validates
/// against that schema (microsoft/json-schemas, in ../shared/schemas, read from disk: nothing is fetched).
/// </summary>
public sealed class ProjectJsonSchemaTests(ReportingWarehouse warehouse) : IClassFixture<ReportingWarehouse>
{
    [Theory]
    [InlineData("PmfPipeline.pbip", "pbip/pbipProperties/1.0.0/schema.json")]
    [InlineData("PmfPipeline.SemanticModel/definition.pbism", "item/semanticModel/definitionProperties/1.0.0/schema.json")]
    [InlineData("PmfPipeline.Report/definition.pbir", "item/report/definitionProperties/2.0.0/schema.json")]
    public void The_file_names_its_published_schema_and_validates_against_it(string file, string schemaPath)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(warehouse.OutputFolder, file)))!;

        Assert.Equal(ProjectJson.SchemaRoot + schemaPath, json["$schema"]!.GetValue<string>());
        Assert.Empty(Problems(schemaPath, json));
    }

    [Fact]
    public void The_report_definition_is_version_4()
    {
        var pbir = JsonNode.Parse(File.ReadAllText(Path.Combine(warehouse.OutputFolder, "PmfPipeline.Report", "definition.pbir")))!;

        Assert.Equal("4.0", pbir["version"]!.GetValue<string>());
    }

    [Fact]
    public void The_validator_rejects_a_file_without_its_schema_or_with_an_unknown_property()
    {
        var pbip = JsonNode.Parse(File.ReadAllText(Path.Combine(warehouse.OutputFolder, "PmfPipeline.pbip")))!.AsObject();
        pbip.Remove("$schema");
        pbip["colour"] = "red";

        var problems = Problems("pbip/pbipProperties/1.0.0/schema.json", pbip);

        Assert.NotEmpty(problems);
    }

    private static List<string> Problems(string schemaPath, JsonNode json) => PublishedSchemas.Problems(ProjectJson.SchemaRoot + schemaPath, json);
}
