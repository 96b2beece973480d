using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pmf.Pipeline.PowerBi;

/// <summary>The JSON files of a Power BI project (PBIP): the project, the model's and the report's definitions.</summary>
internal static class ProjectJson
{
    /// <summary>Where Microsoft publishes the schemas each file names (microsoft/json-schemas).</summary>
    public const string SchemaRoot = "https://developer.microsoft.com/json-schemas/fabric/";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Pbip(string reportFolder) => Write(new JsonObject
    {
        ["$schema"] = SchemaRoot + "pbip/pbipProperties/1.0.0/schema.json",
        ["version"] = "1.0",
        ["artifacts"] = new JsonArray(new JsonObject { ["report"] = new JsonObject { ["path"] = reportFolder } }),
        ["settings"] = new JsonObject { ["enableAutoRecovery"] = true },
    });

    // Version 4.0 of definition.pbism is the one that holds the model as a TMDL definition/ folder.
    public static string Pbism() => Write(new JsonObject
    {
        ["$schema"] = SchemaRoot + "item/semanticModel/definitionProperties/1.0.0/schema.json",
        ["version"] = "4.0",
        ["settings"] = new JsonObject(),
    });

    // Version 4.0 of definition.pbir, as current projects write it (it reads report.json or a PBIR definition/ folder).
    public static string Pbir(string modelPath) => Write(new JsonObject
    {
        ["$schema"] = SchemaRoot + "item/report/definitionProperties/2.0.0/schema.json",
        ["version"] = "4.0",
        ["datasetReference"] = new JsonObject { ["byPath"] = new JsonObject { ["path"] = modelPath } },
    });

    public static string Write(JsonNode node) => node.ToJsonString(Indented) + "\n";
}
