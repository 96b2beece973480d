using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pmf.Pipeline.PowerBi;

/// <summary>
/// Whether the report folder is still the generator's starter report, which regenerating may write,
/// or the analysts' own: a PBIR <c>definition/</c> folder already there, or a legacy <c>report.json</c>
/// with visuals on it. The legacy one-empty-page <c>report.json</c> earlier versions wrote is replaced by
/// the PBIR starter report (Power BI Desktop refuses a report folder holding both).
/// </summary>
internal static class StarterReport
{
    private const string Folder = PmfModel.Name + ".Report/definition/";

    /// <summary>A path (relative to the project) inside the report's PBIR <c>definition/</c> folder.</summary>
    public static bool IsReportDefinition(string path) => path.StartsWith(Folder, StringComparison.Ordinal);

    /// <summary>True when the report in <paramref name="reportFolder"/> must be left as it is.</summary>
    public static bool AnalystsOwn(string reportFolder)
    {
        if (Directory.Exists(Path.Combine(reportFolder, "definition")))
        {
            return true;
        }

        var legacy = Path.Combine(reportFolder, "report.json");
        if (!File.Exists(legacy))
        {
            return false;
        }

        if (HasVisuals(File.ReadAllText(legacy)))
        {
            return true;
        }

        File.Delete(legacy);
        return false;
    }

    private static bool HasVisuals(string json)
    {
        try
        {
            return JsonNode.Parse(json)?["sections"] is JsonArray sections
                && sections.Any(s => s?["visualContainers"] is JsonArray { Count: > 0 });
        }
        catch (JsonException)
        {
            return true; // not ours to judge: leave it
        }
    }
}
