using System.Text.RegularExpressions;

namespace Pmf.Pipeline.PowerBi;

/// <summary>
/// The values of the model's parameters as an existing <c>expressions.tmdl</c> holds them, so that
/// regenerating the project keeps what the analyst set in Power BI Desktop (Edit parameters saves there).
/// </summary>
public static partial class ParameterValues
{
    /// <summary>Parameter name to value, for every text parameter (<c>expression Name = "value" meta [...]</c>) in <paramref name="tmdl"/>.</summary>
    public static IReadOnlyDictionary<string, string> Read(string tmdl)
    {
        ArgumentNullException.ThrowIfNull(tmdl);
        return Parameter().Matches(tmdl)
            .GroupBy(m => m.Groups["name"].Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Groups["value"].Value.Replace("\"\"", "\"", StringComparison.Ordinal), StringComparer.Ordinal);
    }

    /// <summary><paramref name="source"/> with each parameter the analyst had set in <paramref name="existing"/> kept.</summary>
    public static ModelSource Keep(ModelSource source, IReadOnlyDictionary<string, string> existing)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(existing);
        return new ModelSource(
            existing.GetValueOrDefault("DataSource", source.DataSource),
            existing.GetValueOrDefault("Server", source.Server),
            existing.GetValueOrDefault("Database", source.Database),
            existing.GetValueOrDefault("CsvFolder", source.CsvFolder));
    }

    [GeneratedRegex("^expression (?<name>[A-Za-z_][A-Za-z0-9_]*) = \"(?<value>(?:[^\"]|\"\")*)\" meta", RegexOptions.Multiline)]
    private static partial Regex Parameter();
}
