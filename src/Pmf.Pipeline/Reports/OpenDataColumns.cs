using System.Globalization;

namespace Pmf.Pipeline.Reports;

/// <summary>The open data's columns, in order: one list that the CSV, the JSON and docs/open-data.md follow.</summary>
public static class OpenDataColumns
{
    /// <summary>Every column: its name in the CSV header and the JSON, its type, and how it is read from a result.</summary>
    public static IReadOnlyList<OpenDataColumn> All { get; } =
    [
        new("council_code", OpenDataType.Text, r => r.CouncilCode),
        new("council_name", OpenDataType.Text, r => r.CouncilName),
        new("priority_code", OpenDataType.Text, r => r.PriorityCode),
        new("priority_name", OpenDataType.Text, r => r.PriorityName),
        new("objective_code", OpenDataType.Text, r => r.ObjectiveCode.Length == 0 ? null : r.ObjectiveCode),
        new("objective_name", OpenDataType.Text, r => r.ObjectiveName),
        new("service_code", OpenDataType.Text, r => r.ServiceCode),
        new("service_name", OpenDataType.Text, r => r.ServiceName),
        new("indicator_code", OpenDataType.Text, r => r.IndicatorCode),
        new("indicator_name", OpenDataType.Text, r => r.IndicatorName),
        new("indicator_type", OpenDataType.Text, r => r.IndicatorType),
        new("unit", OpenDataType.Text, r => r.Unit),
        new("polarity", OpenDataType.Text, r => r.Polarity),
        new("frequency", OpenDataType.Text, r => r.Frequency),
        new("period", OpenDataType.Text, r => r.Period),
        new("period_label", OpenDataType.Text, r => r.PeriodLabel),
        new("period_start", OpenDataType.Date, r => r.PeriodStart),
        new("period_end", OpenDataType.Date, r => r.PeriodEnd),
        new("value", OpenDataType.Number, r => r.Value),
        new("numerator", OpenDataType.Number, r => r.Numerator),
        new("denominator", OpenDataType.Number, r => r.Denominator),
        new("target", OpenDataType.Number, r => r.Target),
        new("rag", OpenDataType.Text, r => r.Rag),
        new("direction_vs_previous", OpenDataType.Text, r => r.DirectionVsPrevious),
        new("direction_vs_last_year", OpenDataType.Text, r => r.DirectionVsLastYear),
        new("status", OpenDataType.Text, r => r.Status),
        new("nil_return", OpenDataType.Boolean, r => r.NilReturn),
        new("commentary", OpenDataType.Text, r => r.Commentary),
        new("remedial_action", OpenDataType.Text, r => r.RemedialAction),
        new("published_at", OpenDataType.DateTime, r => r.PublishedAt),
    ];

    /// <summary>A value as CSV text: numbers in invariant culture, dates ISO 8601, booleans <c>true</c>/<c>false</c>, empty for null.</summary>
    internal static string Text(object? value) => value switch
    {
        null => "",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}

/// <summary>One open-data column.</summary>
/// <param name="Name">Its name in the CSV header and the JSON.</param>
/// <param name="Type">Its type.</param>
/// <param name="Value">Reads it from a result; null when empty.</param>
public sealed record OpenDataColumn(string Name, OpenDataType Type, Func<OpenDataResult, object?> Value);

/// <summary>The types of open-data columns.</summary>
public enum OpenDataType
{
    /// <summary>Text (a JSON string).</summary>
    Text,

    /// <summary>A decimal number (a JSON number).</summary>
    Number,

    /// <summary>A date, yyyy-mm-dd (a JSON string).</summary>
    Date,

    /// <summary>An instant in UTC, yyyy-mm-ddThh:mm:ssZ (a JSON string).</summary>
    DateTime,

    /// <summary>true or false (a JSON boolean).</summary>
    Boolean,
}
