using System.Globalization;
using Pmf.Pipeline.Scoring;

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

    /// <summary>Background colour of a RAG badge or trend point (null: not reported); text on them is white except on amber.</summary>
    public static string RagColour(RagStatus? rag) => rag switch
    {
        RagStatus.Red => "#d4351c",
        RagStatus.Amber => "#f47738",
        RagStatus.Green => "#00703c",
        RagStatus.DataOnly => "#505a5f",
        _ => "#b1b4b6",
    };

    /// <summary>The style class of a RAG badge or column (null: not reported).</summary>
    public static string RagClass(RagStatus? rag) => rag switch
    {
        RagStatus.Red => "red",
        RagStatus.Amber => "amber",
        RagStatus.Green => "green",
        RagStatus.DataOnly => "data",
        _ => "none",
    };
}
