using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Tests.Workbooks;

public sealed class CellValuesTests
{
    [Theory]
    [InlineData("85%", 85, true)]
    [InlineData(" 85 % ", 85, true)]
    [InlineData("1,234", 1234, false)]
    [InlineData("£1,234.50", 1234.5, false)]
    [InlineData("-£12", -12, false)]
    [InlineData(" 12 ", 12, false)]
    [InlineData("-2.5", -2.5, false)]
    [InlineData(".5", 0.5, false)]
    [InlineData("1234567.25", 1234567.25, false)]
    public void Numbers_are_read_as_people_type_them(string text, double expected, bool percent)
    {
        Assert.True(CellValues.TryReadNumber(new WorkbookCell(text, null), out var value, out var isPercent));
        Assert.Equal((decimal)expected, value);
        Assert.Equal(percent, isPercent);
    }

    [Theory]
    [InlineData("85,5")]
    [InlineData("1,23")]
    [InlineData("1.2.3")]
    [InlineData("twelve")]
    [InlineData("£")]
    [InlineData("12 days")]
    [InlineData("")]
    public void Text_that_is_not_clearly_one_number_is_not_a_number(string text) =>
        Assert.False(CellValues.TryReadNumber(new WorkbookCell(text, null), out _, out _));

    [Fact]
    public void A_fraction_formatted_as_a_percentage_reads_in_percent()
    {
        Assert.True(CellValues.TryReadNumber(new WorkbookCell(0.85, "0.0%"), out var value, out var isPercent));
        Assert.Equal(85m, value);
        Assert.True(isPercent);
    }

    [Fact]
    public void Floating_point_noise_is_dropped_as_Excel_shows()
    {
        Assert.True(CellValues.TryReadNumber(new WorkbookCell(0.1 + 0.2, "General"), out var value, out _));
        Assert.Equal(0.3m, value);
    }

    [Theory]
    [InlineData("0%", true)]
    [InlineData("0.00%;[Red]-0.00%", true)]
    [InlineData("\"%\"0", false)]
    [InlineData("0\\%", false)]
    [InlineData("#,##0.00", false)]
    public void Only_a_real_percent_sign_in_the_format_makes_a_percentage(string format, bool percent) =>
        Assert.Equal(percent, new WorkbookCell(0.5, format).IsPercentFormatted);

    [Theory]
    [InlineData("01/04/2025")]
    [InlineData("1/4/2025")]
    [InlineData("2025-04-01")]
    [InlineData("1 April 2025")]
    [InlineData("1 Apr 2025")]
    [InlineData("01-Apr-25")]
    public void Dates_are_read_in_UK_and_ISO_forms(string text)
    {
        Assert.True(CellValues.TryReadDate(new WorkbookCell(text, null), out var date));
        Assert.Equal(new DateOnly(2025, 4, 1), date);
    }

    [Fact]
    public void Excel_dates_and_whole_serial_numbers_are_dates()
    {
        Assert.True(CellValues.TryReadDate(new WorkbookCell(new DateTime(2025, 4, 1, 0, 0, 0, DateTimeKind.Unspecified), "d/m/yyyy"), out var fromDate));
        Assert.True(CellValues.TryReadDate(new WorkbookCell(45748.0, "General"), out var fromSerial));
        Assert.Equal(new DateOnly(2025, 4, 1), fromDate);
        Assert.Equal(new DateOnly(2025, 4, 1), fromSerial);
    }

    [Theory]
    [InlineData("31/04/2025")]
    [InlineData("04/31/2025")]
    [InlineData("soon")]
    public void Impossible_or_American_dates_are_not_dates(string text) =>
        Assert.False(CellValues.TryReadDate(new WorkbookCell(text, null), out _));
}
