using System.IO.Compression;
using System.Text;
using MimeKit;
using Pmf.Pipeline.Alerts;
using Pmf.Pipeline.Feedback;
using Pmf.Pipeline.FollowUp;
using Pmf.Pipeline.PowerBi;
using Pmf.Pipeline.Reports;
using Pmf.Pipeline.Scoring;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Tests.Jobs;
using Pmf.Pipeline.Tests.Returns;
using Pmf.Pipeline.Tests.Support;
using Pmf.Pipeline.Warehouse;
using static Pmf.Pipeline.Tests.Reports.ReportSamples;

namespace Pmf.Pipeline.Tests.Reports;

// What a sender types never runs, hides or garbles anything downstream: formulas stay text in every CSV
// the pipeline writes, control characters never reach a CSV or a page, a file name cannot reverse a mail
// subject, Excel's error values are errors, a stray Windows-1252 byte is read right and pointed out, and
// a zip with two parts of one name is refused.
public sealed class ContentHygieneTests
{
    [Fact]
    public void A_report_CSV_cell_starting_with_a_line_feed_is_defused_like_the_other_formula_starts()
    {
        var issue = Script with { RawValue = "\n=HYPERLINK(\"http://evil.example\",\"Click\")" };

        var csv = Encoding.UTF8.GetString(SubmissionReportCsv.Render(Report(issue)));

        Assert.Contains(",\"'\n=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\",", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_never_reach_the_open_data_CSV()
    {
        var csv = OpenDataExport.Csv([OpenData("Bell\u0007, escape\u001B[31m red and nul\u0000 here\ttab")]);

        Assert.DoesNotContain(csv, b => b is 0x00 or 0x07 or 0x1B);
        Assert.Contains("Bell , escape [31m red and nul  here\ttab", Encoding.UTF8.GetString(csv), StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_never_reach_the_digest_HTML()
    {
        var item = new DigestItem(7, FollowUpKind.Red, "ASH-HOU-02", "Households\u0000 in temporary accommodation", "2026/27 M08", FollowUpStatus.Open, 1,
            new DateOnly(2026, 12, 14), 5, null, 5m, 30m, RagStatus.Red, "We are \u001B[2Jworking\u0007 on it", null, null);
        var digest = new Digest("HOU", "Housing", "Ann Head", "head@example.gov.uk", null, null, new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero), [item]);

        var html = DigestMail.Create(digest, new AlertOptions())!.Message.HtmlBody ?? "";

        Assert.DoesNotContain(html, c => c is '\u0000' or '\u0007' or '\u001B');
        Assert.DoesNotMatch(Dom.ControlReference(), html);
        var text = Dom.Parse(html).Body!.TextContent;
        Assert.DoesNotContain(text, c => c is '\u0000' or '\u0007' or '\u001B');
        Assert.Contains("We are  [2Jworking  on it", text, StringComparison.Ordinal);
        Assert.Contains("Households  in temporary accommodation", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_never_reach_the_senders_report_HTML()
    {
        var html = SubmissionReportHtml.Render(Report(Script with { RawValue = "a\u0007b\u0000c\u001B[31md" }));

        Assert.DoesNotContain(html, c => c is '\u0000' or '\u0007' or '\u001B');
        Assert.DoesNotMatch(Dom.ControlReference(), html);
        Assert.Contains(Dom.Parse(html).QuerySelectorAll("table.issues td"), td => td.TextContent == "a b c [31md");
    }

    [Fact]
    public void A_bidi_override_in_a_file_name_does_not_reach_the_mail_subject()
    {
        var message = SubmissionReportMail.Create(Report(Script) with { FileName = "invoice\u202Excod.xlsx" }, new MailboxAddress("PMF", "pmf@example.gov.uk"));

        Assert.Equal("PMF return invoicexcod.xlsx: Loaded, but 2 rows rejected", message.Subject);
    }

    [Fact]
    public async Task The_Power_BI_extracts_defuse_formula_text_and_drop_control_characters_but_leave_numbers_alone()
    {
        await using var harness = await IngestHarness.CreateAsync();
        await harness.DropAndIngestAsync("HOU/q1.csv", Encoding.UTF8.GetBytes(
            "Indicator,Period,Value,Commentary\nASH-HOU-01,2026/27 Q1,30,\"=HYPERLINK(\"\"http://evil.example\"\")\u0007\"\n-NOPE,2026/27 Q1,31,\n"));
        using var output = new TempFolder();

        var views = await WarehouseViews.ColumnsAsync(harness.Warehouse.Database, CancellationToken.None);
        await ViewExtracts.WriteAsync(harness.Warehouse.Database, views, output.Path, CancellationToken.None);

        var results = await File.ReadAllTextAsync(Path.Combine(output.Path, "v_result.csv"));
        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil.example\"\") \"", results, StringComparison.Ordinal);
        Assert.DoesNotContain('\u0007', results);
        Assert.Contains(",30,", results, StringComparison.Ordinal);
        var issues = await File.ReadAllTextAsync(Path.Combine(output.Path, "v_dq_issue.csv"));
        Assert.Contains(",'-NOPE,", issues, StringComparison.Ordinal);
        Assert.DoesNotContain(",-NOPE", issues, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#DIV/0!")]
    [InlineData("#N/A")]
    [InlineData("#VALUE!")]
    [InlineData("#REF!")]
    [InlineData("#NAME?")]
    [InlineData("#NUM!")]
    [InlineData("#NULL!")]
    public async Task An_Excel_error_value_with_commentary_is_a_row_error_not_a_nil_return(string error)
    {
        await using var harness = await IngestHarness.CreateAsync();
        var xlsx = RawXlsx.Bytes(
        [
            RawXlsx.Row(1, RawXlsx.Text("A", "Indicator"), RawXlsx.Text("B", "Period"), RawXlsx.Text("C", "Value"), RawXlsx.Text("D", "Commentary")),
            RawXlsx.Row(2, RawXlsx.Text("A", "ASH-HOU-01"), RawXlsx.Text("B", "2026/27 Q1"), r => $"<c r=\"C{r}\" t=\"e\"><f>1/0</f><v>{error}</v></c>", RawXlsx.Text("D", "Awaiting data")),
            RawXlsx.Row(3, RawXlsx.Text("A", "ASH-HOU-04"), RawXlsx.Text("B", "2026/27 Q1"), RawXlsx.Text("C", error), RawXlsx.Text("D", "Awaiting data")),
        ]);

        var outcome = await harness.DropAndIngestAsync("HOU/q1.xlsx", xlsx);

        var issues = await harness.QueryAsync<(string Rule, long Row, string Message)>(
            "SELECT rule_id, row_number, message FROM dq_issue WHERE submission_id = @Id AND row_number IS NOT NULL ORDER BY row_number", new { Id = outcome.Load!.SubmissionId });
        Assert.Equal([("DQ040", 2L), ("DQ040", 3L)], issues.Select(i => (i.Rule, i.Row)));
        Assert.All(issues, i => Assert.Contains($"shows Excel's error {error}", i.Message, StringComparison.Ordinal));
        Assert.Equal(SubmissionVerdict.Rejected, outcome.Verdict);
    }

    [Fact]
    public async Task One_Windows1252_byte_in_a_UTF8_CSV_is_read_right_and_named_by_row_in_a_warning()
    {
        await using var harness = await IngestHarness.CreateAsync();
        var csv = new List<byte>();
        csv.AddRange(Encoding.UTF8.GetBytes("Indicator,Period,Value,Commentary\nASH-HOU-01,2026/27 Q1,30,\"Spent £1,200 on café repairs\"\nASH-HOU-04,2026/27 Q1,66,The council"));
        csv.Add(0x92); // Windows-1252 for ’, typed in another program
        csv.AddRange(Encoding.UTF8.GetBytes("s own figure\n"));

        var outcome = await harness.DropAndIngestAsync("HOU/q1.csv", [.. csv]);

        var commentary = await harness.QueryAsync<string>("SELECT commentary FROM fact_result WHERE submission_id = @Id ORDER BY row_number", new { Id = outcome.Load!.SubmissionId });
        Assert.Equal(["Spent £1,200 on café repairs", "The council’s own figure"], commentary);
        var warning = Assert.Single(await harness.QueryAsync<(string Rule, string Severity, long? Row, string Message)>(
            "SELECT rule_id, severity, row_number, message FROM dq_issue WHERE submission_id = @Id AND rule_id = 'DQ005'", new { Id = outcome.Load.SubmissionId }));
        Assert.Equal(("Warning", 3L), (warning.Severity, warning.Row));
        Assert.Contains("Row 3 holds a character that is not UTF-8", warning.Message, StringComparison.Ordinal);
        Assert.Equal(SubmissionVerdict.AcceptedWithWarnings, outcome.Verdict);
    }

    [Fact]
    public async Task A_CSV_wholly_in_Windows1252_is_read_right_without_a_warning()
    {
        await using var harness = await IngestHarness.CreateAsync();
        var csv = Encoding.GetEncoding(1252).GetBytes("Indicator,Period,Value,Commentary\nASH-HOU-01,2026/27 Q1,30,\"Spent £1,200 on café repairs\"\n");

        var outcome = await harness.DropAndIngestAsync("HOU/q1.csv", csv);

        Assert.Equal(["Spent £1,200 on café repairs"], await harness.QueryAsync<string>("SELECT commentary FROM fact_result WHERE submission_id = @Id", new { Id = outcome.Load!.SubmissionId }));
        Assert.Empty(await harness.QueryAsync<string>("SELECT rule_id FROM dq_issue WHERE rule_id = 'DQ005'"));
    }

    [Fact]
    public async Task A_workbook_with_two_parts_of_one_name_is_refused_with_a_clear_sentence()
    {
        await using var harness = await IngestHarness.CreateAsync();

        var outcome = await harness.DropAndIngestAsync("HOU/q1.xlsx", TwinSheetXlsx());

        Assert.Equal(SubmissionVerdict.Rejected, outcome.Verdict);
        Assert.Contains("holds two parts named 'xl/worksheets/sheet1.xml'", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("save it as an Excel Workbook (.xlsx) and send it again", outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(StorageContainers.Rejected, outcome.MovedTo!.Container);
    }

    /// <summary>An .xlsx whose sheet part appears twice: Excel shows one, a reader taking the first entry another.</summary>
    internal static byte[] TwinSheetXlsx()
    {
        var good = RawXlsx.Bytes(
        [
            RawXlsx.Row(1, RawXlsx.Text("A", "Indicator"), RawXlsx.Text("B", "Period"), RawXlsx.Text("C", "Value")),
            RawXlsx.Row(2, RawXlsx.Text("A", "ASH-HOU-01"), RawXlsx.Text("B", "2026/27 Q1"), RawXlsx.Text("C", "30")),
        ]);
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(good), ZipArchiveMode.Read))
        using (var twin = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                Copy(entry, twin);
                if (entry.FullName == "xl/worksheets/sheet1.xml")
                {
                    Copy(entry, twin);
                }
            }
        }

        return output.ToArray();
    }

    private static void Copy(ZipArchiveEntry entry, ZipArchive into)
    {
        using var from = entry.Open();
        using var to = into.CreateEntry(entry.FullName).Open();
        from.CopyTo(to);
    }

    private static OpenDataResult OpenData(string commentary) => new()
    {
        CouncilCode = "ASH",
        CouncilName = "Ashby Vale",
        PriorityCode = "P1",
        PriorityName = "Homes",
        ObjectiveCode = "",
        ServiceCode = "HOU",
        ServiceName = "Housing",
        IndicatorCode = "ASH-HOU-01",
        IndicatorName = "Homes",
        IndicatorType = "Quantitative",
        Unit = "%",
        Polarity = "Higher is better",
        Frequency = "Quarterly",
        Period = "2026/27 Q1",
        PeriodLabel = "Apr-Jun 2026",
        PeriodStart = new DateOnly(2026, 4, 1),
        PeriodEnd = new DateOnly(2026, 6, 30),
        Rag = "Green",
        NilReturn = false,
        PublishedAt = new DateTimeOffset(2026, 8, 1, 9, 0, 0, TimeSpan.Zero),
        Commentary = commentary,
    };
}
