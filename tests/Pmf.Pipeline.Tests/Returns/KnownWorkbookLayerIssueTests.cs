using static Pmf.Pipeline.Tests.Returns.RawXlsx;

namespace Pmf.Pipeline.Tests.Returns;

/// <summary>Found while building the returns corpus; fixed in the workbook layer (Workbook.ReadRow).</summary>
public sealed class KnownWorkbookLayerIssueTests
{
    /// <summary>
    /// One cell at ZZZZZ2001 makes ExcelDataReader report 12,356,630 fields for every row, and
    /// Workbook.LastNonBlankColumn reads all of them for each of the 2,000 rows: over two minutes for a 100 kB
    /// file (ZZZZZZ: 321 million fields, gigabytes per row). Suggested fix: reject a sheet whose FieldCount exceeds
    /// Excel's 16,384 columns as damaged when it is opened, before any row is read.
    /// </summary>
    [Fact]
    public async Task A_stray_cell_far_beyond_the_last_column_is_rejected_quickly()
    {
        var bytes = Bytes(ReturnCorpus.LongSheet(2000).Append(Row(2001, Number("ZZZZZ", 1))));

        var verdict = await ReturnVerdicts.JudgeAsync(bytes, "stray.xlsx").WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(ReturnOutcome.Unreadable, verdict.Outcome);
    }
}
