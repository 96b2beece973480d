using System.Text;
using Pmf.Pipeline.Returns;
using Pmf.Pipeline.Samples;
using Pmf.Pipeline.Workbooks;
using static Pmf.Pipeline.Tests.Returns.ReturnFiles;

namespace Pmf.Pipeline.Tests.Returns;

/// <summary>Awkward files that are returns after all: read, with every cell passed on as the sender typed it.</summary>
internal static partial class ReturnCorpus
{
    private const string Hostile = "=HYPERLINK(\"http://evil.example\",\"click\")";

    private static IEnumerable<ReturnCase> Readable()
    {
        yield return ReturnCase.Read("synonyms-only.xlsx", () => Xlsx(["PI code", "Reporting period", "Outturn", "Numerator", "Denominator", "Self assessment", "Narrative", "Improvement action"], ["HOU-01", "2025/26 Q1", 85.0, 17.0, 20.0, "On track", "fine", "none"]), 1, v =>
        {
            Assert.Equal(["PI code", "Reporting period", "Outturn", "Numerator", "Denominator", "Self assessment", "Narrative", "Improvement action"], v.Layout!.Columns.Select(c => c.Header));
            var row = v.FirstRows[0];
            Assert.Equal(("HOU-01", "2025/26 Q1", 85.0, 17.0, 20.0), (row.Indicator.Text, row.Period.Text, row.Value.Value, row.Numerator.Value, row.Denominator.Value));
            Assert.Equal(("On track", "fine", "none"), (row.Status.Text, row.Commentary.Text, row.RemedialAction.Text));
        });
        yield return ReturnCase.Read("titles-and-merged-title-cells.xlsx", MergedTitles, 2, v => Assert.Equal((5, 6), (v.Layout!.HeaderRow, v.FirstRows[0].RowNumber)));
        yield return ReturnCase.Read("period-line-above-header.xlsx", () => Xlsx(["Housing return"], ["Period: 2025/26 Q1"], null, ["Indicator", "Value"], ["HOU-01", 1.0], ["HOU-02", 2.0]), 2, v =>
        {
            Assert.Equal(new ReturnStatedPeriod(2, new("2025/26 Q1", null)), v.Layout!.StatedPeriod);
            Assert.All(v.FirstRows, r => Assert.True(r.PeriodIsStated && r.Period.Text == "2025/26 Q1"));
        });
        yield return ReturnCase.Read("period-label-and-date-in-next-cell.xlsx", () => Xlsx(["Period:", null, new DateTime(2025, 6, 30, 0, 0, 0, DateTimeKind.Unspecified)], ["KPI", "Result"], ["HOU-01", 1.0]), 1, v =>
            Assert.Equal(new DateTime(2025, 6, 30, 0, 0, 0, DateTimeKind.Unspecified), v.FirstRows[0].Period.Value));
        yield return ReturnCase.Read("period-line-and-period-column.csv", () => Csv(Lines("Period: 2025/26 Q1", "Indicator,Period,Value", "HOU-01,2025/26 Q2,1", "HOU-02,,2")), 2, v =>
        {
            Assert.Equal(("2025/26 Q2", false), (v.FirstRows[0].Period.Text, v.FirstRows[0].PeriodIsStated));
            Assert.Equal(("2025/26 Q1", true), (v.FirstRows[1].Period.Text, v.FirstRows[1].PeriodIsStated));
            Assert.Contains(v.Layout!.Notes, n => n.Contains("a row with a blank Period cell takes the stated '2025/26 Q1'", StringComparison.Ordinal));
        });
        yield return ReturnCase.Read("excel-dates-in-period.xlsx", () => Xlsx(Header, ["HOU-01", new FormattedValue(new DateTime(2025, 5, 1, 0, 0, 0, DateTimeKind.Unspecified), "mmm yyyy"), 1.0]), 1, v =>
            Assert.Equal(new DateTime(2025, 5, 1, 0, 0, 0, DateTimeKind.Unspecified), v.FirstRows[0].Period.Value));
        yield return ReturnCase.Read("percent-formatted.xlsx", () => Xlsx(Header, ["HOU-01", "2025/26 Q1", new FormattedValue(0.85, "0%")]), 1, v =>
            Assert.Equal((0.85, true, "85%"), (v.FirstRows[0].Value.Value, v.FirstRows[0].Value.IsPercentFormatted, v.FirstRows[0].Value.Text)));
        yield return ReturnCase.Read("numbers-as-text.xlsx", () => Xlsx(Header, ["HOU-01", "2025/26 Q1", "85%"], ["FIN-01", "2025/26 Q1", "£1,234.50"], ["FIN-02", "2025/26 Q1", " 1,234 "]), 3, v =>
            Assert.Equal(["85%", "£1,234.50", " 1,234 "], v.FirstRows.Select(r => r.Value.Value)));
        yield return ReturnCase.Read("hostile-leading-characters.xlsx", () => Xlsx(Header, ["HOU-01", "2025/26 Q1", "+44 1234", Hostile], ["HOU-02", "2025/26 Q1", "-1+2", "@SUM(A1:A9)"]), 2, v =>
            Assert.Equal(["+44 1234", Hostile, "-1+2", "@SUM(A1:A9)"], v.FirstRows.SelectMany(r => new[] { r.Value.Value, r.Commentary.Value })));
        yield return ReturnCase.Read("hostile-leading-characters.csv", () => Csv(Lines(string.Join(',', Header), "=1+1,+2,-3,@cmd|' /C calc'!A0")), 1, v =>
            Assert.Equal(["=1+1", "+2", "-3", "@cmd|' /C calc'!A0"], new[] { v.FirstRows[0].Indicator, v.FirstRows[0].Period, v.FirstRows[0].Value, v.FirstRows[0].Commentary }.Select(c => c.Value)));
        yield return ReturnCase.Read("control-characters.xlsx", () => Xlsx(Header, ["HOU-01", "2025/26 Q1", 1.0, "bell\u0007 tab\t nul-free\u001f end"]), 1, v =>
            Assert.Equal("bell\u0007 tab\t nul-free\u001f end", v.FirstRows[0].Commentary.Value));
        yield return ReturnCase.Read("control-characters.csv", () => Csv(Lines(string.Join(',', Header), "HOU-01,2025/26 Q1,1,\"form\ffeed and \u0001 start\"")), 1, v =>
            Assert.Equal("form\ffeed and \u0001 start", v.FirstRows[0].Commentary.Value));
        yield return ReturnCase.Read("cell-30kB.xlsx", () => Xlsx(Header, ["HOU-01", "2025/26 Q1", 1.0, Repeat('y', 30_000)]), 1, v => Assert.Equal(30_000, v.FirstRows[0].Commentary.Text.Length));
        yield return ReturnCase.Read("utf16.csv", () => Csv(Lines("Indicator,Period,Value,Commentary", "FIN-01,2025/26 Q1,\"£1,234.50\",café"), Encoding.Unicode), 1, v =>
            Assert.Equal(("£1,234.50", "café"), (v.FirstRows[0].Value.Text, v.FirstRows[0].Commentary.Text)));
        yield return ReturnCase.Read("bom-quoted-commas-and-newlines.csv", () => Csv(Lines("\"Indicator\",\"Period\",\"Value\",\"Commentary\"", "HOU-01,2025/26 Q1,\"1,234\",\"Late, because \"\"the system\"\"\r\nwas down\"", "HOU-02,2025/26 Q1,5,ok")), 2, v =>
        {
            Assert.Equal(("1,234", "Late, because \"the system\"\r\nwas down"), (v.FirstRows[0].Value.Text, v.FirstRows[0].Commentary.Text));
            Assert.Equal([2, 3], v.FirstRows.Select(r => r.RowNumber));
        });
        yield return ReturnCase.Read("ragged-rows.csv", () => Csv(Lines("Indicator,Period,Value,Commentary", "HOU-01,2025/26 Q1", "HOU-02,2025/26 Q1,2,fine,extra,more,fields", "HOU-03")), 3, v =>
        {
            Assert.Equal(["", "2", ""], v.FirstRows.Select(r => r.Value.Text));
            Assert.Equal("fine", v.FirstRows[1].Commentary.Text);
        });
        yield return ReturnCase.Read("legacy.xls", () => SampleReturnWriter.ToBytes(new SampleReturnFile("HOU", "legacy.xls", SampleFormat.Xls, [new("HOU-01", "2025/26 Q1", 12m, Commentary: "fine"), new("HOU-02", "2025/26 Q1", null, Commentary: "nil return: system down")], null, ["Housing return"], "test")), 2, v =>
        {
            Assert.Equal((WorkbookFormat.Xls, 3), (v.Layout!.Format, v.Layout.HeaderRow));
            Assert.Equal((12.0, "nil return: system down"), (v.FirstRows[0].Value.Value, v.FirstRows[1].Commentary.Text));
        });
        yield return ReturnCase.Read("xlsx-named-xls.xls", Good, 1, v => Assert.Equal(WorkbookFormat.Xlsx, v.Layout!.Format));
        yield return ReturnCase.Read("stated-period.csv", () => SampleReturnWriter.ToBytes(new SampleReturnFile("HOU", "q1.csv", SampleFormat.Csv, [new("HOU-01", null, 12m)], "2025/26 Q1", [], "test")), 1, v =>
            Assert.Equal(("2025/26 Q1", true), (v.FirstRows[0].Period.Text, v.FirstRows[0].PeriodIsStated)));
    }

    private static byte[] MergedTitles() => Workbook(wb =>
    {
        var sheet = Fill(wb.AddWorksheet("Return"), [["Anytown Borough Council"], ["Housing: quarterly performance return"], ["Complete one row per indicator. Do not change the headings."], null, Header, ["HOU-01", "2025/26 Q1", 1.0], ["HOU-02", "2025/26 Q1", 2.0]]);
        sheet.Range("A1:D1").Merge();
        sheet.Range("A2:D2").Merge();
        sheet.Range("A3:H3").Merge();
    });
}
