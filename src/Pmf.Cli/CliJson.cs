using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Pmf.Pipeline.FollowUp;

namespace Pmf.Cli;

/// <summary>
/// How <c>--json</c> writes: camelCase names, one name per idea across every command (docs/cli.md):
/// a service, period, indicator or council code is <c>service</c>, <c>period</c>, <c>indicator</c>,
/// <c>council</c>; a file's path is <c>path</c> (or <c>&lt;what&gt;Path</c> where one answer names several
/// files); a follow-up's kind and level are the words the tables print.
/// </summary>
internal static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Read by people and scripts, never embedded in HTML: an apostrophe stays an apostrophe.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = new Names(),
        Converters = { new JsonStringEnumConverter(), new FollowUpRecordJson(), new OpenFollowUpsJson() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private sealed class Names : JsonNamingPolicy
    {
        private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
        {
            ["ServiceCode"] = "service",
            ["PeriodCode"] = "period",
            ["IndicatorCode"] = "indicator",
            ["CouncilCode"] = "council",
            ["File"] = "path",
            ["ProjectFile"] = "projectPath",
        };

        public override string ConvertName(string name) => Renamed.GetValueOrDefault(name) ?? CamelCase.ConvertName(name);
    }

    /// <summary>A follow-up as <c>pmf followup list</c>'s table reads it.</summary>
    private sealed class FollowUpRecordJson : WriteOnlyConverter<FollowUpRecord>
    {
        public override void Write(Utf8JsonWriter writer, FollowUpRecord value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", value.Id);
            writer.WriteString("service", value.ServiceCode);
            writer.WriteString("kind", FollowUpKind.Describe(value.Kind));
            writer.WriteString("indicator", value.IndicatorCode);
            writer.WriteString("period", value.PeriodCode);
            writer.WriteString("owner", value.Owner);
            writer.WriteString("status", value.Status);
            writer.WriteString("level", EscalationLevel.Describe(value.Level));
            writer.WriteString("raisedAt", value.RaisedAt);
            writer.WriteString("dueAt", value.DueAt);
            if (value.Detail is not null)
            {
                writer.WriteString("detail", value.Detail);
            }

            writer.WriteEndObject();
        }
    }

    /// <summary>A line of the sweep's table of open follow-ups.</summary>
    private sealed class OpenFollowUpsJson : WriteOnlyConverter<OpenFollowUps>
    {
        public override void Write(Utf8JsonWriter writer, OpenFollowUps value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString("service", value.ServiceCode);
            writer.WriteString("kind", FollowUpKind.Describe(value.Kind));
            writer.WriteString("level", EscalationLevel.Describe(value.Level));
            writer.WriteNumber("open", value.Count);
            writer.WriteEndObject();
        }
    }

    private abstract class WriteOnlyConverter<T> : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("pmf only writes JSON.");
    }
}
