using Pmf.Pipeline.Returns;
using static Pmf.Pipeline.Tests.Returns.RawXlsx;
using static Pmf.Pipeline.Tests.Returns.ReturnFiles;

namespace Pmf.Pipeline.Tests.Returns;

public sealed class ReturnReaderTests
{
    [Fact]
    public void The_layout_names_each_column_as_the_sender_wrote_it_with_its_letter()
    {
        using var result = Read(Xlsx(["Return for Q1"], ["KPI", "Notes", "Quarter", "Outturn", "Target"], ["HOU-01", "ok", "2025/26 Q1", 1.0, 2.0]), "q1.xlsx");

        Assert.False(result.IsRejected);
        Assert.Equal(("q1.xlsx", "Return", 2), (result.Layout.File, result.Layout.Sheet, result.Layout.HeaderRow));
        Assert.Equal(
            [new(ReturnColumns.Indicator, 0, "KPI"), new(ReturnColumns.Period, 2, "Quarter"), new(ReturnColumns.Value, 3, "Outturn"), new ReturnColumn(ReturnColumns.Commentary, 1, "Notes")],
            result.Layout.Columns);
        Assert.Equal("D", result.Layout.Column(ReturnColumns.Value)!.Letter);
        Assert.Equal(["Target"], result.Layout.IgnoredColumns);
    }

    [Fact]
    public void Rows_are_streamed_once_and_a_second_read_is_refused()
    {
        using var result = Read(Xlsx(Header, ["HOU-01", "2025/26 Q1", 1.0]), "q1.xlsx");

        Assert.Single(result.Rows);
        var ex = Assert.Throws<InvalidOperationException>(() => result.Rows.Count());
        Assert.Contains("can be read once", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rows_of_a_rejected_return_throw_its_problem_rather_than_look_empty()
    {
        using var result = Read(Xlsx(["Nothing here"]), "q1.xlsx");

        Assert.True(result.IsRejected);
        var ex = Assert.Throws<ReturnReadException>(() => result.Rows.Count());
        Assert.Same(result.Problem, ex.Problem);
    }

    [Fact]
    public void When_the_file_fails_part_way_down_the_rows_before_it_arrive_and_then_the_job_catches_the_located_problem()
    {
        using var result = Read(Bytes(ReturnCorpus.LongSheet(5000).Append(Row(5001, Text("A", "HOU-02"), Text("D", Repeat('x', 40_000))))), "q1.xlsx");
        var rows = 0;

        var ex = Assert.Throws<ReturnReadException>(() =>
        {
            foreach (var row in result.Rows)
            {
                rows++;
            }
        });

        Assert.Equal(4999, rows);
        Assert.Equal((ReturnProblemKind.Unreadable, "Return", 5000), (ex.Problem.Kind, ex.Problem.Sheet, ex.Problem.Row));
        Assert.Equal(Pmf.Pipeline.Workbooks.WorkbookFailure.TooLarge, ex.Problem.Failure);
        Assert.IsType<Pmf.Pipeline.Workbooks.WorkbookException>(ex.InnerException);
    }

    [Fact]
    public void Rows_cannot_be_read_after_the_result_is_disposed()
    {
        var result = Read(Xlsx(Header, ["HOU-01", "2025/26 Q1", 1.0]), "q1.xlsx");
        result.Dispose();

        Assert.Throws<ObjectDisposedException>(() => result.Rows.Count());
    }

    [Fact]
    public void A_forward_only_stream_is_read_and_the_callers_stream_is_left_open()
    {
        var stream = new ForwardOnlyStream(Xlsx(Header, ["HOU-01", "2025/26 Q1", 1.0]));

        using (var result = ReturnReader.Read(stream, "q1.xlsx"))
        {
            Assert.Equal("HOU-01", result.Rows.Single().Indicator.Text);
        }

        Assert.True(stream.CanRead);
    }

    [Fact]
    public void Cancellation_is_not_a_verdict_on_the_file()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => ReturnReader.Read(new MemoryStream(Xlsx(Header, ["HOU-01", "2025/26 Q1", 1.0])), "q1.xlsx", cancelled.Token));
    }

    [Theory]
    [InlineData("Reporting period", "2025/26 Q1")]
    [InlineData("Quarter:", "Q1 2025/26")]
    [InlineData("Month : April 2025", null)]
    public void A_period_stated_above_the_header_in_any_of_its_forms_fills_every_row(string label, string? next)
    {
        using var result = Read(Xlsx(next is null ? [label] : [label, next], ["Indicator", "Value"], ["HOU-01", 1.0]), "q1.xlsx");

        var row = result.Rows.Single();
        Assert.True(row.PeriodIsStated);
        Assert.Equal(next ?? "April 2025", row.Period.Text);
        Assert.Equal(1, result.Layout!.StatedPeriod!.Row);
    }

    [Fact]
    public void A_single_synonym_in_a_title_row_is_not_taken_for_the_header()
    {
        using var result = Read(Xlsx(["KPI"], ["Measure", "Guidance for this return"], Header, ["HOU-01", "2025/26 Q1", 1.0]), "q1.xlsx");

        Assert.Equal(3, result.Layout!.HeaderRow);
    }

    [Fact]
    public void A_csv_is_read_as_one_sheet_named_after_the_file()
    {
        using var result = Read(Csv(Lines("Housing return", "Indicator,Period,Value", "HOU-01,2025/26 Q1,85%")), "housing-q1.csv");

        var row = result.Rows.Single();
        Assert.Equal(("housing-q1", 3, "85%"), (row.Sheet, row.RowNumber, row.Value.Value));
    }

    [Fact]
    public void The_rows_a_sheet_declares_are_at_least_its_data_rows_so_memory_sized_by_them_suffices()
    {
        using var workbook = Read(Xlsx(["Return for Q1"], Header, ["HOU-01", "2025/26 Q1", 1.0], ["HOU-01", "2025/26 Q2", 2.0]), "q1.xlsx");
        using var csv = Read(Csv(Lines("Indicator,Period,Value", "HOU-01,2025/26 Q1,85%", "HOU-01,2025/26 Q2,86%")), "q1.csv");

        Assert.InRange(workbook.DeclaredRows, 2, 3);
        Assert.InRange(csv.DeclaredRows, 2, 3);
        Assert.Equal(2, workbook.Rows.Count());
        Assert.Equal(2, csv.Rows.Count());
    }

    private static ReturnReadResult Read(byte[] bytes, string fileName) => ReturnReader.Read(new MemoryStream(bytes), fileName);

    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Position { get => base.Position; set => throw new NotSupportedException(); }

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}
