using System.Text.Json.Nodes;

namespace Pmf.Pipeline.PowerBi;

/// <summary>
/// The report in the PBIR format (Power BI Enhanced Report format): <c>definition/version.json</c>,
/// <c>report.json</c>, <c>pages/pages.json</c>, and a <c>page.json</c> per page with a <c>visual.json</c>
/// per visual, each naming the schema Microsoft publishes for it.
/// </summary>
internal static class ReportFiles
{
    private const string Definition = ProjectJson.SchemaRoot + "item/report/definition/";

    /// <summary>The schema each kind of file names.</summary>
    public const string VersionSchema = Definition + "versionMetadata/1.0.0/schema.json";

    /// <inheritdoc cref="VersionSchema"/>
    public const string ReportSchema = Definition + "report/3.0.0/schema.json";

    /// <inheritdoc cref="VersionSchema"/>
    public const string PagesSchema = Definition + "pagesMetadata/1.0.0/schema.json";

    /// <inheritdoc cref="VersionSchema"/>
    public const string PageSchema = Definition + "page/2.0.0/schema.json";

    /// <inheritdoc cref="VersionSchema"/>
    public const string VisualSchema = Definition + "visualContainer/2.4.0/schema.json";

    /// <summary>Every file of the report's <c>definition/</c> folder: path relative to it, and text.</summary>
    public static IEnumerable<(string Path, string Text)> Build(IReadOnlyList<ReportPage> pages)
    {
        yield return ("version.json", ProjectJson.Write(new JsonObject { ["$schema"] = VersionSchema, ["version"] = "2.0.0" }));
        yield return ("report.json", ProjectJson.Write(new JsonObject
        {
            ["$schema"] = ReportSchema,
            ["themeCollection"] = new JsonObject(),
            ["settings"] = new JsonObject { ["useStylableVisualContainerHeader"] = true, ["exportDataMode"] = "AllowSummarized" },
        }));
        yield return ("pages/pages.json", ProjectJson.Write(new JsonObject
        {
            ["$schema"] = PagesSchema,
            ["pageOrder"] = new JsonArray(pages.Select(p => (JsonNode)p.Name).ToArray()),
            ["activePageName"] = pages[0].Name,
        }));
        foreach (var page in pages)
        {
            yield return ($"pages/{page.Name}/page.json", ProjectJson.Write(new JsonObject
            {
                ["$schema"] = PageSchema,
                ["name"] = page.Name,
                ["displayName"] = page.DisplayName,
                ["displayOption"] = "FitToPage",
                ["height"] = 720,
                ["width"] = 1280,
            }));
            var z = 0;
            foreach (var visual in page.Visuals)
            {
                yield return ($"pages/{page.Name}/visuals/{visual.Name}/visual.json", ProjectJson.Write(Visual(visual, z)));
                z += 1000;
            }
        }
    }

    private static JsonObject Visual(ReportVisual visual, int z)
    {
        var queryState = new JsonObject();
        foreach (var (role, fields) in visual.Roles)
        {
            queryState[role] = new JsonObject
            {
                ["projections"] = new JsonArray(fields.Select(f => (JsonNode)new JsonObject
                {
                    ["field"] = Field(f),
                    ["queryRef"] = $"{f.Table}.{f.Name}",
                    ["nativeQueryRef"] = f.Name,
                }).ToArray()),
            };
        }

        var query = new JsonObject { ["queryState"] = queryState };
        if (visual.SortBy is { } sortBy)
        {
            query["sortDefinition"] = new JsonObject
            {
                ["sort"] = new JsonArray(new JsonObject { ["field"] = Field(sortBy), ["direction"] = "Ascending" }),
                ["isDefaultSort"] = true,
            };
        }

        return new JsonObject
        {
            ["$schema"] = VisualSchema,
            ["name"] = visual.Name,
            ["position"] = new JsonObject
            {
                ["x"] = visual.Box.X,
                ["y"] = visual.Box.Y,
                ["z"] = z,
                ["height"] = visual.Box.Height,
                ["width"] = visual.Box.Width,
                ["tabOrder"] = z,
            },
            ["visual"] = new JsonObject
            {
                ["visualType"] = visual.VisualType,
                ["query"] = query,
                ["visualContainerObjects"] = new JsonObject
                {
                    ["title"] = new JsonArray(new JsonObject
                    {
                        ["properties"] = new JsonObject
                        {
                            ["show"] = Literal("true"),
                            ["text"] = Literal("'" + visual.Title.Replace("'", "''", StringComparison.Ordinal) + "'"),
                        },
                    }),
                },
                ["drillFilterOtherVisuals"] = true,
            },
        };
    }

    // { "Column" | "Measure": { "Expression": { "SourceRef": { "Entity": table } }, "Property": name } }
    private static JsonObject Field(ReportField field) => new()
    {
        [field.IsMeasure ? "Measure" : "Column"] = new JsonObject
        {
            ["Expression"] = new JsonObject { ["SourceRef"] = new JsonObject { ["Entity"] = field.Table } },
            ["Property"] = field.Name,
        },
    };

    private static JsonObject Literal(string value) => new() { ["expr"] = new JsonObject { ["Literal"] = new JsonObject { ["Value"] = value } } };
}
