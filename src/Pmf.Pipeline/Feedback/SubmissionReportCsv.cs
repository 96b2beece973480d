using System.Globalization;
using System.Text;
using Pmf.Pipeline.Quality;

namespace Pmf.Pipeline.Feedback;

/// <summary>
/// The report's issues as CSV for Excel: RFC 4180 (CRLF, quotes doubled, a field quoted when it holds a
/// comma, quote or line break), UTF-8 with a byte-order mark so Excel reads £ and accents right, and
/// every text cell that starts with <c>= + - @</c>, a tab, a carriage return or a line feed prefixed with
/// <c>'</c> so a sender's cell such as <c>=HYPERLINK(...)</c> shows as text instead of running as a formula;
/// control characters such as NUL, BEL and ESC become spaces.
/// </summary>
public static class SubmissionReportCsv
{
    private static readonly string[] Header = ["Sheet", "Row", "Column", "Indicator", "Period", "Rule", "Severity", "You entered", "What is wrong and what to do"];

    /// <summary>Renders <paramref name="report"/>'s issues, header first.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The file's bytes, BOM included.</returns>
    public static byte[] Render(SubmissionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder();
        Line(csv, Header);
        foreach (var issue in report.Issues)
        {
            Line(csv, Cells(issue));
        }

        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(csv.ToString())];
    }

    /// <summary>One cell, defused and quoted as needed (<see cref="SafeText.CsvField"/>).</summary>
    internal static string Field(string? text) => SafeText.CsvField(text);

    private static string?[] Cells(QualityIssue i) =>
    [
        i.Sheet,
        i.Row?.ToString(CultureInfo.InvariantCulture) ?? "",
        i.Column,
        i.IndicatorCode,
        i.PeriodKey,
        i.RuleId,
        i.Severity.ToString(),
        i.RawValue,
        i.Message,
    ];

    private static void Line(StringBuilder csv, string?[] cells)
    {
        for (var c = 0; c < cells.Length; c++)
        {
            if (c > 0)
            {
                csv.Append(',');
            }

            csv.Append(Field(cells[c]));
        }

        csv.Append("\r\n");
    }
}
