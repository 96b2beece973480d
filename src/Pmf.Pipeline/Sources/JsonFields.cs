using System.Globalization;
using System.Text.Json;

namespace Pmf.Pipeline.Sources;

/// <summary>Finds values in JSON by dotted path (a property whose own name has a dot, e.g. <c>@odata.nextLink</c>, is found too).</summary>
internal static class JsonFields
{
    /// <summary>The element at <paramref name="path"/>, matching property names exactly, then ignoring case; false when absent.</summary>
    public static bool TryFind(JsonElement element, string path, out JsonElement found)
    {
        found = element;
        if (string.IsNullOrEmpty(path))
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (TryProperty(element, path, out found))
        {
            return true;
        }

        var dot = path.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && TryProperty(element, path[..dot], out var child) && TryFind(child, path[(dot + 1)..], out found);
    }

    /// <summary>A JSON value as a cell holds it: text, a number exactly as sent (no float noise), TRUE/FALSE, or null.</summary>
    public static object? Value(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.True => "TRUE",
        JsonValueKind.False => "FALSE",
        _ => element.GetRawText(),
    };

    /// <summary>The record's property names, nested objects' as dotted paths, for telling what a field may now be called.</summary>
    public static IReadOnlyList<string> Names(JsonElement record, string prefix = "")
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var names = new List<string>();
        foreach (var property in record.EnumerateObject())
        {
            var name = prefix + property.Name;
            names.Add(name);
            if (property.Value.ValueKind == JsonValueKind.Object && prefix.Length == 0)
            {
                names.AddRange(Names(property.Value, name + "."));
            }
        }

        return names;
    }

    public static string Describe(JsonValueKind kind) => kind.ToString().ToLower(CultureInfo.InvariantCulture);

    private static bool TryProperty(JsonElement element, string name, out JsonElement value)
    {
        if (element.TryGetProperty(name, out value))
        {
            return true;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        return false;
    }
}
