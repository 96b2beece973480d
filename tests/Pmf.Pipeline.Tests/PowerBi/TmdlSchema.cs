using System.Text.Json;

namespace Pmf.Pipeline.Tests.PowerBi;

/// <summary>
/// Microsoft's TMDL schema (microsoft/vscode-tmdl, shared/TmdlSchema.json, in ../shared/schemas): object
/// types, the child objects each allows, their properties and enum values. Checks objects read by
/// <see cref="TmdlReader"/> against it and returns one sentence per disagreement.
/// </summary>
public sealed class TmdlSchema
{
    // TMDL keywords whose object type is named otherwise in the schema.
    private static readonly Dictionary<string, string> TypeOfKeyword = new(StringComparer.Ordinal) { ["cultureInfo"] = "Culture" };

    // TMDL writes a partition's M as 'source =', which is the Expression of its source in the object model.
    private static readonly Dictionary<(string Type, string Property), string> PropertyAlias = new() { [("Partition", "source")] = "Expression" };

    private readonly JsonElement _root;

    private TmdlSchema(JsonElement root) => _root = root;

    public static TmdlSchema Load()
    {
        var path = Path.Combine(SharedSchemas.Folder, "vscode-tmdl", "TmdlSchema.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return new TmdlSchema(document.RootElement.Clone());
    }

    /// <summary>The problems with the top-level objects of one file; <c>database</c> is not in the schema and is checked by the caller.</summary>
    public List<string> Check(string file, IEnumerable<TmdlObject> objects)
    {
        var problems = new List<string>();
        var roots = _root.GetProperty("rootObjects").EnumerateArray().Select(e => e.GetString()!).ToList();
        foreach (var o in objects.Where(o => o.Keyword is not "database" and not "ref"))
        {
            Check(file, o, roots, problems);
        }

        return problems;
    }

    private void Check(string file, TmdlObject o, List<string> allowed, List<string> problems)
    {
        var where = $"{file} line {o.Line} ({o.Keyword} {o.Name})";
        var type = TypeOfKeyword.GetValueOrDefault(o.Keyword, Pascal(o.Keyword));
        if (!allowed.Contains(type) || !_root.GetProperty("objectTypes").TryGetProperty(type, out var spec))
        {
            problems.Add($"{where}: {type} is not an object allowed here ({string.Join(", ", allowed)}).");
            return;
        }

        if (spec.GetProperty("requiresName").GetBoolean() && o.Name.Length == 0)
        {
            problems.Add($"{where}: {type} needs a name.");
        }

        if (o.Expression is not null && spec.TryGetProperty("defaultProperty", out var defaultProperty)
            && defaultProperty.TryGetProperty("scalarValueType", out var kind) && kind.GetString() == "Enum"
            && _root.GetProperty("enums").TryGetProperty(defaultProperty.GetProperty("enumType").GetString()!, out _)) // the schema lists some enums (PartitionSourceType) without their values
        {
            CheckValue(where, defaultProperty.GetProperty("name").GetString()!, o.Expression, defaultProperty, problems);
        }

        var properties = spec.TryGetProperty("properties", out var p) ? p.EnumerateArray().ToList() : [];
        var children = spec.TryGetProperty("childObjects", out var c) ? c.EnumerateArray().Select(e => e.GetString()!).ToList() : [];
        foreach (var (name, value) in o.Properties)
        {
            var schemaName = PropertyAlias.GetValueOrDefault((type, name), Pascal(name));
            var property = properties.FirstOrDefault(x => x.GetProperty("name").GetString() == schemaName);
            if (property.ValueKind == JsonValueKind.Undefined)
            {
                problems.Add($"{where}: {name} is not a property of {type}.");
                continue;
            }

            CheckValue(where, name, value, property, problems);
        }

        foreach (var child in o.Children)
        {
            var structProperty = properties.FirstOrDefault(x => x.GetProperty("name").GetString() == Pascal(child.Keyword) && x.GetProperty("type").GetString() == "Struct");
            if (structProperty.ValueKind != JsonValueKind.Undefined)
            {
                var members = structProperty.GetProperty("children").EnumerateArray().ToList();
                foreach (var (name, value) in child.Properties)
                {
                    var member = members.FirstOrDefault(x => x.GetProperty("name").GetString() == Pascal(name));
                    if (member.ValueKind == JsonValueKind.Undefined)
                    {
                        problems.Add($"{where}: {name} is not part of {type}.{structProperty.GetProperty("name").GetString()}.");
                    }
                    else
                    {
                        CheckValue(where, name, value, member, problems);
                    }
                }

                continue;
            }

            Check(file, child, children, problems);
        }
    }

    private void CheckValue(string where, string name, string? value, JsonElement property, List<string> problems)
    {
        var kind = property.GetProperty("type").GetString();
        var scalar = property.TryGetProperty("scalarValueType", out var s) ? s.GetString() : null;
        switch (kind, scalar)
        {
            case ("Scalar", "Bool") when value is not (null or "true" or "false"):
                problems.Add($"{where}: {name} is true or false (or a bare flag), not '{value}'.");
                break;
            case ("Scalar", "Int") when !long.TryParse(value, out _):
                problems.Add($"{where}: {name} is a whole number, not '{value}'.");
                break;
            case ("Scalar", "Enum"):
                var values = _root.GetProperty("enums").GetProperty(property.GetProperty("enumType").GetString()!).EnumerateArray().Select(e => Camel(e.GetString()!)).ToList();
                if (value is null || !values.Contains(value))
                {
                    problems.Add($"{where}: {name}: '{value}' is not one of {string.Join(", ", values)}.");
                }

                break;
            case ("String" or "ModelReference", _) when value is null:
                problems.Add($"{where}: {name} needs a value.");
                break;
        }
    }

    private static string Pascal(string keyword) => char.ToUpperInvariant(keyword[0]) + keyword[1..];

    private static string Camel(string value) => char.ToLowerInvariant(value[0]) + value[1..];
}

/// <summary>Where ../shared/schemas is: beside the repository (or its worktree), or named by PMF_SHARED_SCHEMAS.</summary>
public static class SharedSchemas
{
    public static string Folder { get; } = Find();

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("PMF_SHARED_SCHEMAS") is { Length: > 0 } named)
        {
            return named;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "schemas");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("No shared/schemas folder above the test binaries; set PMF_SHARED_SCHEMAS to the folder of the published schemas.");
    }
}
