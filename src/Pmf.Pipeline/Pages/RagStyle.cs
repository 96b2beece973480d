using System.Globalization;
using Pmf.Pipeline.Reports;

namespace Pmf.Pipeline.Pages;

/// <summary>
/// The one style of a RAG badge (<see cref="RagBadge"/>, class <c>rag</c> and its colour's class) and of the RAG key,
/// shared by the committee reports and the web pages: each colour is <see cref="ReportFormat.RagColour"/>'s, as the
/// sparklines draw it, with white text except on amber; "not reported" is a dashed outline. A page adds only its own
/// sizes and spacing.
/// </summary>
internal static class RagStyle
{
    /// <summary>The rules, for a page's style sheet.</summary>
    public static string Css { get; } = Build();

    /// <summary>A RAG column's heading topped with its colour (the committee summary's Red, Amber… columns).</summary>
    public static string Headings { get; } = string.Join(" ", ReportWords.RagCategories.Select(r => string.Create(CultureInfo.InvariantCulture,
        $"th.{ReportFormat.RagClass(r)} {{ border-top: 4px {(r is null ? "dashed #505a5f" : "solid " + ReportFormat.RagColour(r))}; }}"))) + "\n";

    private static string Build()
    {
        var colours = string.Join("\n", ReportWords.RagCategories.Where(r => r is not null).Select(r => string.Create(CultureInfo.InvariantCulture,
            $".rag.{ReportFormat.RagClass(r)} {{ background: {ReportFormat.RagColour(r)};{(r == Scoring.RagStatus.Amber ? " color: #0b0c0c;" : "")} }}")));
        return $$"""
            .rag { display: inline-block; min-width: 5.5em; max-width: 100%; padding: 2px 6px; border-radius: 3px; color: #fff; font-weight: bold; text-align: center; }
            {{colours}}
            .rag.{{ReportFormat.RagClass(null)}} { background: #fff; color: #0b0c0c; border: 1px dashed #505a5f; }
            .rag-key { border: 1px solid #b1b4b6; }
            .rag-key p { margin: 0 0 4px; } .rag-key ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; }

            """;
    }
}
