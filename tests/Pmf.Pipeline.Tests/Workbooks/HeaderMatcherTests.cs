using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Tests.Workbooks;

public sealed class HeaderMatcherTests
{
    private static readonly HeaderMatcher ReturnColumns = new(
    [
        ColumnSpec.Required("Indicator", "Indicator code", "PI code", "KPI", "Code", "Measure"),
        ColumnSpec.Required("Period", "Quarter", "Month", "Reporting period"),
        ColumnSpec.Optional("Value", "Actual", "Result", "Outturn"),
        ColumnSpec.Optional("Remedial action", "Action", "Improvement action"),
    ]);

    [Theory]
    [InlineData("Due (working days)", "dueworkingdays")]
    [InlineData("  HEAD_OF_SERVICE e-mail ", "headofserviceemail")]
    [InlineData("Objective code:", "objectivecode")]
    [InlineData(null, "")]
    public void Names_are_compared_ignoring_case_spaces_underscores_and_punctuation(string? name, string expected) =>
        Assert.Equal(expected, ColumnName.Normalise(name));

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(999, "ALL")]
    [InlineData(16383, "XFD")]
    public void Columns_are_lettered_as_Excel_does(int index, string letters) => Assert.Equal(letters, ColumnName.Letter(index));

    [Fact]
    public void Synonyms_and_loose_spelling_identify_columns()
    {
        var match = ReturnColumns.Match(Row(1, "PI_Code", "REPORTING PERIOD", "Outturn", "Remedial action:"));

        Assert.True(match.IsComplete);
        Assert.Equal(0, match.Columns["indicator"]);
        Assert.Equal(1, match.Columns["Period"]);
        Assert.Equal(2, match.Columns["Value"]);
        Assert.Equal(3, match.Columns["Remedial action"]);
    }

    [Fact]
    public void A_column_s_own_name_wins_over_a_synonym_elsewhere_in_the_row()
    {
        var match = ReturnColumns.Match(Row(1, "Code", "Indicator", "Period", "Action", "Remedial action"));

        Assert.Equal(1, match.Columns["Indicator"]);
        Assert.Equal(4, match.Columns["Remedial action"]);
    }

    [Fact]
    public void The_header_is_found_below_titles_which_are_kept_for_the_caller()
    {
        var rows = new[]
        {
            Row(1, "Housing services: quarterly return"),
            Row(3, "Period: 2025/26 Q1"),
            Row(5, "Indicator", "Value", "Commentary"),
            Row(6, "HOU-01", 12),
        };
        using var enumerator = rows.AsEnumerable().GetEnumerator();

        var search = new HeaderMatcher([ColumnSpec.Required("Indicator"), ColumnSpec.Optional("Period"), ColumnSpec.Required("Value")]).Find(enumerator);

        Assert.True(search.Found);
        Assert.Equal(5, search.Header!.Row.RowNumber);
        Assert.Equal([1, 3], search.RowsAbove.Select(r => r.RowNumber));
        Assert.True(enumerator.MoveNext());
        Assert.Equal("HOU-01", search.Header.Cell(enumerator.Current, "Indicator").Value);
        Assert.True(search.Header.Cell(enumerator.Current, "Period").IsBlank);
    }

    [Fact]
    public void Without_a_complete_header_the_closest_row_says_which_columns_are_missing()
    {
        using var rows = new[] { Row(1, "Return"), Row(2, "KPI", "Actual"), Row(3, "HOU-01", 12) }.AsEnumerable().GetEnumerator();

        var search = ReturnColumns.Find(rows);

        Assert.False(search.Found);
        Assert.Equal(2, search.Closest!.Row.RowNumber);
        Assert.Equal(["Period"], search.Closest.MissingRequired.Select(c => c.Name));
    }

    [Fact]
    public void A_header_below_the_search_depth_is_not_found()
    {
        using var rows = new[] { Row(2, "Notes"), Row(21, "Indicator", "Period") }.AsEnumerable().GetEnumerator();

        Assert.False(ReturnColumns.Find(rows).Found);
    }

    private static WorkbookRow Row(int number, params object[] values) =>
        new(number, [.. values.Select(v => new WorkbookCell(v is int i ? (double)i : v, null))]);
}
