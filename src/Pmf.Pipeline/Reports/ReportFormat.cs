using System.Globalization;

namespace Pmf.Pipeline.Reports;

/// <summary>How a performance report writes numbers, dates and RAG colours.</summary>
internal static class ReportFormat
{
    public static string Value(decimal? value, string unit)
    {
        if (value is not { } v)
        {
            return "";
        }

        var number = v.ToString(Math.Abs(v) >= 1000 ? "#,##0" : "#,##0.##", CultureInfo.InvariantCulture);
        return unit switch
        {
            "%" => number + "%",
            "£" => v < 0 ? "-£" + number[1..] : "£" + number,
            "days" => number + " days",
            _ => number,
        };
    }

    public static string Date(DateOnly? date) => date?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? "";

    /// <summary>Background colour of a RAG badge or trend point; text on them is white except on amber.</summary>
    public static string RagColour(string rag) => rag switch
    {
        Rag.Red => "#d4351c",
        Rag.Amber => "#f47738",
        Rag.Green => "#00703c",
        Rag.DataOnly => "#505a5f",
        _ => "#b1b4b6",
    };

    public static string RagClass(string rag) => rag switch
    {
        Rag.Red => "red",
        Rag.Amber => "amber",
        Rag.Green => "green",
        Rag.DataOnly => "data",
        _ => "none",
    };

    public static string Direction(string? direction) => direction switch
    {
        "Improving" => "▲ Improving",
        "Worsening" => "▼ Worsening",
        "Steady" => "► Steady",
        _ => "–",
    };
}
