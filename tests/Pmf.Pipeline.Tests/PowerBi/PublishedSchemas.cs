using System.Text.Json.Nodes;
using Json.Schema;
using Pmf.Pipeline.PowerBi;

namespace Pmf.Pipeline.Tests.PowerBi;

/// <summary>
/// Validates a generated JSON file against the schema Microsoft publishes at the URL it names, read from
/// ../shared/schemas (microsoft/json-schemas); a schema's references to other published schemas are
/// resolved there too. Nothing is fetched.
/// </summary>
public static class PublishedSchemas
{
    /// <summary>The file under ../shared/schemas/microsoft-json-schemas/fabric/ that a schema URL names.</summary>
    public static string FileOf(string url)
    {
        Assert.StartsWith(ProjectJson.SchemaRoot, url, StringComparison.Ordinal);
        return Path.Combine(SharedSchemas.Folder, "microsoft-json-schemas", "fabric", url[ProjectJson.SchemaRoot.Length..].Replace('/', Path.DirectorySeparatorChar));
    }

    /// <summary>One line per problem of <paramref name="json"/> against the schema at <paramref name="url"/>; empty when it is valid.</summary>
    public static List<string> Problems(string url, JsonNode json)
    {
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List };
        options.SchemaRegistry.Fetch = uri => File.Exists(FileOf(uri.GetLeftPart(UriPartial.Path))) ? JsonSchema.FromFile(FileOf(uri.GetLeftPart(UriPartial.Path))) : null;
        var schema = JsonSchema.FromFile(FileOf(url));
        var result = schema.Evaluate(json, options);
        return result.IsValid ? [] : (result.Details ?? [])
            .Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .DefaultIfEmpty("invalid")
            .ToList();
    }
}
