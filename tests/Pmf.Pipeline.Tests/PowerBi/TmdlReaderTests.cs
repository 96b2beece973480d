namespace Pmf.Pipeline.Tests.PowerBi;

// The strict reader is what proves the generated TMDL well laid out, so it must itself refuse bad layout.
public sealed class TmdlReaderTests
{
    private const string Good = "table 'Data-quality issue'\n\tdataCategory: Time\n\n\tcolumn 'Rows read'\n\t\tdataType: int64\n\t\tisHidden\n\t\tsourceColumn: Rows read\n\t\tsummarizeBy: sum\n\n\tpartition X = m\n\t\tmode: import\n\t\tsource =\n\t\t\tlet\n\t\t\t\tA = 1\n\t\t\tin\n\t\t\t\tA\n";

    [Fact]
    public void A_well_laid_out_table_reads_with_its_quoted_names_flags_and_expression()
    {
        var table = Assert.Single(TmdlReader.Read("good.tmdl", Good));

        Assert.Equal(("table", "Data-quality issue"), (table.Keyword, table.Name));
        var column = Assert.Single(table.All("column"));
        Assert.Equal("Rows read", column.Name);
        Assert.True(column.Properties.ContainsKey("isHidden"));
        Assert.Equal("let\n\tA = 1\nin\n\tA", Assert.Single(table.All("partition")).Properties["source"]);
    }

    [Theory]
    [InlineData("table Result\n    column A\n", "spaces")]
    [InlineData("table Result\n\tcolumn Indicator code\n", "must be quoted")]
    [InlineData("table Result\n\t\tcolumn A\n", "deeper than its parent")]
    [InlineData("table Result\n\tcolumn A\n\t\tdataType: integer\n", "not one of")]
    [InlineData("table Result\n\tcolumn A\n\t\tsourceColum: A\n", "not a property of column")]
    [InlineData("table Result\n\tmeasure A\n\t\tcolumn B\n", "neither an object")]
    [InlineData("column A\n", "not a top-level")]
    [InlineData("table 'Result\n", "unterminated")]
    [InlineData("/// about\n\ntable Result\n", "directly above")]
    [InlineData("table R\n\tpartition P = m\n\t\tsource =\n\tcolumn A\n", "expression on the lines below")]
    public void Bad_layout_is_refused_with_the_line_and_the_reason(string tmdl, string reason)
    {
        var error = Assert.Throws<FormatException>(() => TmdlReader.Read("bad.tmdl", tmdl));

        Assert.Contains("bad.tmdl line ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
