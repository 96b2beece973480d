using ClosedXML.Excel;
using static Pmf.Pipeline.Tests.Returns.RawXlsx;
using static Pmf.Pipeline.Tests.Returns.ReturnFiles;

namespace Pmf.Pipeline.Tests.Returns;

/// <summary>Where the data is, what counts as a row, and formulas: read, by the rules the reader documents.</summary>
internal static partial class ReturnCorpus
{
    private static IEnumerable<ReturnCase> Quirks()
    {
        yield return ReturnCase.Read("empty-return-sheet-data-on-sheet1.xlsx", () => Workbook(wb =>
        {
            wb.AddWorksheet("Return");
            Fill(wb.AddWorksheet("Sheet1"), [Header, ["HOU-01", "2025/26 Q1", 1.0]]);
        }), 1, v =>
        {
            Assert.Equal("Sheet1", v.Layout!.Sheet);
            Assert.Equal(["The 'Return' sheet is empty, so sheet 'Sheet1' was read instead."], v.Layout.Notes);
        });
        yield return ReturnCase.Read("return-sheet-after-other-sheets.xlsx", () => Workbook(wb =>
        {
            Fill(wb.AddWorksheet("Last quarter"), [Header, ["HOU-01", "2024/25 Q4", 1.0]]);
            Fill(wb.AddWorksheet(" RETURN "), [Header, ["HOU-01", "2025/26 Q1", 2.0]]);
        }), 1, v => Assert.Equal((" RETURN ", "2025/26 Q1"), (v.Layout!.Sheet, v.FirstRows[0].Period.Text)));
        yield return ReturnCase.Read("hidden-return-sheet.xlsx", () => Workbook(wb =>
        {
            Fill(wb.AddWorksheet("Return"), [Header, ["OLD-01", "2020/21 Q1", 1.0]]).Visibility = XLWorksheetVisibility.Hidden;
            wb.AddWorksheet("Guidance").Cell(1, 1).Value = "Fill in the Q1 sheet";
            Fill(wb.AddWorksheet("Q1"), [Header, ["HOU-01", "2025/26 Q1", 2.0]]);
        }), 1, v => Assert.Equal(("Q1", "HOU-01"), (v.Layout!.Sheet, v.FirstRows[0].Indicator.Text)));
        yield return ReturnCase.Read("blank-rows-and-trailing-rows.xlsx", () => Xlsx([.. new object?[]?[] { Header, ["HOU-01", "2025/26 Q1", 1.0], null, null, ["HOU-02", "2025/26 Q1", 2.0] }, .. Enumerable.Repeat<object?[]?>(null, 30), ["HOU-03", "2025/26 Q1", 3.0]]), 3, v =>
            Assert.Equal([2, 5, 36], v.FirstRows.Select(r => r.RowNumber)));
        yield return ReturnCase.Read("notes-rows.xlsx", () => Xlsx(["Indicator", "Period", "Value", "Commentary", "Internal ref"], ["HOU-01", "2025/26 Q1", null, "nil return: data not yet available"], [null, null, null, "(continued) from the housing system"], [null, null, null, null, "REF-9"], ["Signed off by J Smith"]), 3, v =>
        {
            Assert.Equal([2, 3, 5], v.FirstRows.Select(r => r.RowNumber));
            Assert.True(v.FirstRows[1].Indicator.IsBlank);
        });
        yield return ReturnCase.Read("repeated-header.xlsx", () => Xlsx(Header, ["HOU-01", "2025/26 Q1", 1.0], null, Header, ["HOU-02", "2025/26 Q1", 2.0]), 2, v =>
            Assert.Equal(["HOU-01", "HOU-02"], v.FirstRows.Select(r => r.Indicator.Text)));
        yield return ReturnCase.Read("a-thousand-columns.xlsx", ThousandColumns, 1, v =>
        {
            Assert.Equal(996, v.Layout!.IgnoredColumns.Count);
            Assert.Equal(7.0, v.FirstRows[0].Value.Value);
        });
        yield return ReturnCase.Read("rival-synonyms.csv", () => Csv(Lines("Code,Indicator,Period,Actual,Value,Comment,Notes", "HOU-01,Homes delivered,2025/26 Q1,11,12,first,second")), 1, v =>
        {
            Assert.Equal(("Homes delivered", 12.0.ToString(System.Globalization.CultureInfo.InvariantCulture), "first"), (v.FirstRows[0].Indicator.Text, v.FirstRows[0].Value.Text, v.FirstRows[0].Commentary.Text));
            Assert.Contains("Both 'Comment' (column F) and 'Notes' (column G) name the Commentary column; 'Comment' is read and 'Notes' is ignored.", v.Layout!.Notes);
        });
        yield return ReturnCase.Read("formulas-with-cached-results.xlsx", () => Bytes([HeaderRow(), Row(2, Text("A", "HOU-01"), Text("B", "2025/26 Q1"), Formula("C", "17/20*100", 85))]), 1, v =>
            Assert.Equal(85.0, v.FirstRows[0].Value.Value));
        yield return ReturnCase.Read("formula-without-cached-result.xlsx", () => Bytes([HeaderRow(), Row(2, Text("A", "HOU-01"), Text("B", "2025/26 Q1"), Formula("C", "17/20*100", null), Text("D", "calculated"))]), 1, v =>
            Assert.True(v.FirstRows[0].Value.IsBlank));
        yield return ReturnCase.Read("formulas-saved-by-closedxml-without-results.xlsx", () => Workbook(wb =>
        {
            var sheet = Fill(wb.AddWorksheet("Return"), [Header, ["HOU-01", "2025/26 Q1"]]);
            sheet.Cell(2, 3).FormulaA1 = "=17/20*100";
        }), 1, v => Assert.True(v.FirstRows[0].Value.IsBlank));
    }

    private static byte[] ThousandColumns() => Workbook(wb =>
    {
        var sheet = Fill(wb.AddWorksheet("Return"), [Header, ["HOU-01", "2025/26 Q1", 7.0, "fine"]]);
        for (var c = 5; c <= 1000; c++)
        {
            sheet.Cell(1, c).Value = Invariant($"Extra {c}");
        }

        sheet.Cell(2, 1000).Value = "last column";
    });
}
