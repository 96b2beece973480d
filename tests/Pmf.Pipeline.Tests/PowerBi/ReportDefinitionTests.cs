using System.Text.Json.Nodes;
using Pmf.Pipeline.PowerBi;
using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.PowerBi;

/// <summary>
/// The starter report in the PBIR format: every file names its published schema and validates against
/// it, the pages are listed in order, and every field a visual shows is a column or measure of the
/// generated model, so the report opens on the model it is generated with.
/// </summary>
public sealed class ReportDefinitionTests(ReportingWarehouse warehouse) : IClassFixture<ReportingWarehouse>
{
    private readonly GeneratedProject _model = GeneratedProject.Read(warehouse.OutputFolder);

    private string Definition => Path.Combine(warehouse.OutputFolder, "PmfPipeline.Report", "definition");

    [Fact]
    public void Every_report_file_names_its_published_schema_and_validates_against_it()
    {
        var files = Directory.GetFiles(Definition, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3 + PmfReport.Pages.Count + PmfReport.Pages.Sum(p => p.Visuals.Count), files.Count);
        foreach (var file in files)
        {
            var json = JsonNode.Parse(File.ReadAllText(file))!;
            var schema = json["$schema"]?.GetValue<string>();
            Assert.True(schema is not null, $"{file} names no $schema");
            Assert.True(File.Exists(PublishedSchemas.FileOf(schema)), $"{file} names {schema}, which Microsoft does not publish");
            var problems = PublishedSchemas.Problems(schema, json);
            Assert.True(problems.Count == 0, $"{Path.GetRelativePath(Definition, file)}:\n" + string.Join("\n", problems));
        }

        Assert.False(File.Exists(Path.Combine(warehouse.OutputFolder, "PmfPipeline.Report", "report.json")), "a legacy report.json beside definition/ stops Power BI Desktop opening the report");
    }

    [Fact]
    public void The_schema_check_finds_a_visual_without_a_position_an_unknown_visual_property_and_a_misspelt_field()
    {
        var file = Directory.GetFiles(Definition, "visual.json", SearchOption.AllDirectories)[0];
        var json = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        json.Remove("position");
        json["visual"]!.AsObject()["colour"] = "red";
        var field = json["visual"]!["query"]!["queryState"]!.AsObject().First().Value!["projections"]![0]!["field"]!.AsObject().First().Value!.AsObject();
        field["Prop"] = field["Property"]!.DeepClone();
        field.Remove("Property");

        var problems = PublishedSchemas.Problems(json["$schema"]!.GetValue<string>(), json);

        Assert.Contains(problems, p => p.Contains("position", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("/visual", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("/projections/0/field", StringComparison.Ordinal));
    }

    [Fact]
    public void The_pages_are_listed_in_order_and_each_page_and_visual_is_named_as_its_folder()
    {
        var pages = JsonNode.Parse(File.ReadAllText(Path.Combine(Definition, "pages", "pages.json")))!;
        var order = pages["pageOrder"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();

        Assert.Equal(["overview", "indicator", "data-quality", "follow-ups"], order);
        Assert.Equal(order.Order(StringComparer.Ordinal), Directory.GetDirectories(Path.Combine(Definition, "pages")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("overview", pages["activePageName"]!.GetValue<string>());
        foreach (var name in order)
        {
            var folder = Path.Combine(Definition, "pages", name);
            Assert.Equal(name, JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "page.json")))!["name"]!.GetValue<string>());
            foreach (var visual in Directory.GetDirectories(Path.Combine(folder, "visuals")))
            {
                Assert.Equal(Path.GetFileName(visual), JsonNode.Parse(File.ReadAllText(Path.Combine(visual, "visual.json")))!["name"]!.GetValue<string>());
            }
        }
    }

    [Fact]
    public void Every_field_a_visual_references_is_a_column_or_measure_of_the_generated_model()
    {
        var references = Directory.GetFiles(Definition, "visual.json", SearchOption.AllDirectories)
            .SelectMany(file => Fields(JsonNode.Parse(File.ReadAllText(file))!).Select(f => (File: Path.GetRelativePath(Definition, file), f.Kind, f.Table, f.Name)))
            .ToList();

        Assert.True(references.Count >= 40, $"only {references.Count} field references across the report");
        foreach (var (file, kind, table, name) in references)
        {
            var tmdlTable = _model.Tables.SingleOrDefault(t => t.Name == table);
            Assert.True(tmdlTable is not null, $"{file}: no table '{table}' in the model");
            var keyword = kind == "Measure" ? "measure" : "column";
            Assert.True(tmdlTable.All(keyword).Any(o => o.Name == name), $"{file}: no {keyword} '{table}'[{name}] in the model");
        }

        var tables = references.Select(r => r.Table).ToHashSet();
        Assert.Superset(tables, new HashSet<string> { "Result", "Council", "Priority", "Indicator", "Period", "Data-quality issue", "Follow-up", "Submission", "Service" });
    }

    [Fact]
    public void The_reference_check_finds_a_visual_naming_a_column_the_model_lacks()
    {
        var visual = JsonNode.Parse(File.ReadAllText(Directory.GetFiles(Definition, "visual.json", SearchOption.AllDirectories)[0]))!;
        var first = Fields(visual).First();
        var column = visual["visual"]!["query"]!["queryState"]!.AsObject().First().Value!["projections"]![0]!["field"]![first.Kind]!;
        column["Property"] = "No such field";

        var (_, table, name) = Fields(visual).First();

        Assert.DoesNotContain(_model.Table(table).All(first.Kind == "Measure" ? "measure" : "column"), o => o.Name == name);
    }

    [Fact]
    public async Task Regenerating_keeps_the_analysts_report_and_replaces_the_legacy_empty_report()
    {
        using var folder = new TempFolder();
        var report = Path.Combine(folder.Path, "PmfPipeline.Report");
        Directory.CreateDirectory(report);
        await File.WriteAllTextAsync(Path.Combine(report, "report.json"), "{\"sections\":[{\"name\":\"ReportSection\",\"visualContainers\":[]}]}");
        await PowerBiProjectWriter.WriteAsync(warehouse.Harness.Warehouse.Database, warehouse.Harness.Warehouse.Options.ConnectionString, folder.Path, CancellationToken.None);
        Assert.False(File.Exists(Path.Combine(report, "report.json")));
        var page = Path.Combine(report, "definition", "pages", "overview", "page.json");
        var edited = (await File.ReadAllTextAsync(page)).Replace("RAG overview", "Our overview", StringComparison.Ordinal);
        await File.WriteAllTextAsync(page, edited);
        File.Delete(Path.Combine(report, "definition", "pages", "follow-ups", "page.json"));

        var project = await PowerBiProjectWriter.WriteAsync(warehouse.Harness.Warehouse.Database, warehouse.Harness.Warehouse.Options.ConnectionString, folder.Path, CancellationToken.None);

        Assert.Equal(edited, await File.ReadAllTextAsync(page));
        Assert.False(File.Exists(Path.Combine(report, "definition", "pages", "follow-ups", "page.json")));
        Assert.DoesNotContain(project.Files, f => f.StartsWith("PmfPipeline.Report/definition/", StringComparison.Ordinal));
        Assert.Contains(project.Files, f => f.EndsWith("tables/Result.tmdl", StringComparison.Ordinal));
    }

    // Every { "Column" | "Measure": { "Expression": { "SourceRef": { "Entity": … } }, "Property": … } } anywhere in a visual.
    private static IEnumerable<(string Kind, string Table, string Name)> Fields(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (key is "Column" or "Measure" && value?["Expression"]?["SourceRef"]?["Entity"] is { } entity)
                    {
                        yield return (key, entity.GetValue<string>(), value["Property"]!.GetValue<string>());
                    }
                    else if (value is not null)
                    {
                        foreach (var f in Fields(value))
                        {
                            yield return f;
                        }
                    }
                }

                break;
            case JsonArray a:
                foreach (var f in a.Where(i => i is not null).SelectMany(i => Fields(i!)))
                {
                    yield return f;
                }

                break;
        }
    }
}
