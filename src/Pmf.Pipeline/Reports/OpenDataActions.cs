using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Dapper;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Reports;

/// <summary>
/// Progress on delivery-plan actions as open data, beside the results (docs/open-data.md, "Action progress"):
/// the current update of each action for each period within the export's period, for periods the council has
/// published only (<c>v_action_progress_published</c>), as a CSV and a JSON file.
/// </summary>
internal static class OpenDataActions
{
    /// <summary>The schema's name and version in the JSON.</summary>
    public const string Schema = "pmf-open-data-actions/1";

    internal const string PublishedActionsSql = """
        SELECT v."Council code" AS CouncilCode, pr.priority_code AS PriorityCode, pr.objective_code AS ObjectiveCode,
               v."Service code" AS ServiceCode, v."Action code" AS ActionCode, v."Action" AS ActionName, v."Period" AS Period,
               v."Status" AS Status, v."Percent complete" AS PercentComplete, v."Delivery RAG" AS Rag, v."Delivery" AS Delivery,
               v."Commentary" AS Commentary, v."Revised date" AS RevisedDate, v."Revision reason" AS RevisionReason,
               v."Completion date" AS CompletionDate
        FROM v_action_progress_published AS v
        INNER JOIN dim_action AS a ON a.action_key = v."Action key"
        INNER JOIN dim_priority AS pr ON pr.priority_key = a.priority_key
        INNER JOIN dim_period AS p ON p.period_key = v."Period key"
        WHERE p.start_date >= @Start AND p.end_date <= @End AND (@Council IS NULL OR v."Council code" = @Council)
        ORDER BY v."Council code", v."Action code", p.start_date
        """;

    private static readonly string[] Columns =
    [
        "council_code", "priority_code", "objective_code", "service_code", "action_code", "action_name", "period", "status",
        "percent_complete", "delivery_rag", "delivery", "commentary", "revised_date", "revision_reason", "completion_date",
    ];

    /// <summary>The published action updates within <paramref name="period"/>, as rows of text (null for empty) in <see cref="Columns"/> order.</summary>
    public static async Task<IReadOnlyList<string?[]>> ReadAsync(WarehouseDatabase database, Period period, string? council, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync(new CommandDefinition(
            PublishedActionsSql, new { Start = period.Start, End = period.End, Council = council }, cancellationToken: cancellationToken));
        return [.. rows.Cast<IDictionary<string, object?>>().Select(r => r.Values.Select(Text).ToArray())];
    }

    /// <summary>Writes <paramref name="name"/>.csv and .json into <paramref name="folder"/>; returns how many updates they hold.</summary>
    public static async Task<int> WriteAsync(
        WarehouseDatabase database, Period period, string? council, string folder, string name, DateTimeOffset generatedAt, CancellationToken cancellationToken)
    {
        var rows = await ReadAsync(database, period, council, cancellationToken);
        var csv = new StringBuilder().AppendJoin(',', Columns).Append("\r\n");
        foreach (var row in rows)
        {
            csv.AppendJoin(',', row.Select(v => SafeText.CsvField(v ?? ""))).Append("\r\n");
        }

        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        await File.WriteAllBytesAsync(Path.Combine(folder, name + ".csv"), [.. encoding.GetPreamble(), .. encoding.GetBytes(csv.ToString())], cancellationToken);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) }))
        {
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            json.WriteString("period", period.Key);
            json.WriteString("generated_at", generatedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            json.WriteNumber("count", rows.Count);
            json.WriteStartArray("actions");
            foreach (var row in rows)
            {
                json.WriteStartObject();
                for (var i = 0; i < Columns.Length; i++)
                {
                    if (row[i] is null)
                    {
                        json.WriteNull(Columns[i]);
                    }
                    else if (Columns[i] == "percent_complete")
                    {
                        json.WriteNumber(Columns[i], decimal.Parse(row[i]!, CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        json.WriteString(Columns[i], row[i]);
                    }
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        await File.WriteAllBytesAsync(Path.Combine(folder, name + ".json"), buffer.ToArray(), cancellationToken);
        return rows.Count;
    }

    private static string? Text(object? value) => value switch
    {
        null or DBNull => null,
        string { Length: 0 } => null,
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double or float or decimal or long or int => Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
