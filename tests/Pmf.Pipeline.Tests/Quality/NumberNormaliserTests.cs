using System.Globalization;
using Pmf.Pipeline.Quality;

namespace Pmf.Pipeline.Tests.Quality;

public sealed class NumberNormaliserTests
{
    [Theory]
    [InlineData("85", "85", false)]
    [InlineData("85%", "85", true)]
    [InlineData("85 %", "85", true)]
    [InlineData(" 85 ", "85", false)]
    [InlineData("85.5", "85.5", false)]
    [InlineData("85.50", "85.50", false)]
    [InlineData("0.85", "0.85", false)]
    [InlineData(".5", "0.5", false)]
    [InlineData("85.", "85", false)]
    [InlineData("1,234", "1234", false)]
    [InlineData("1,234,567.89", "1234567.89", false)]
    [InlineData("£1,234.50", "1234.50", false)]
    [InlineData("£ 1,234.50", "1234.50", false)]
    [InlineData("-5", "-5", false)]
    [InlineData("+5", "5", false)]
    [InlineData("- 5", "-5", false)]
    [InlineData("\u22125", "-5", false)]          // a typographic minus, as Word and web pages paste it
    [InlineData("\u20135", "-5", false)]          // an en dash typed as a minus
    [InlineData("-£5", "-5", false)]
    [InlineData("£-5", "-5", false)]
    [InlineData("(1,234)", "-1234", false)]       // accountants' negative
    [InlineData("(£1,234.50)", "-1234.50", false)]
    [InlineData("\u00A085\u00A0", "85", false)]   // non-breaking spaces, as pasted from a web page
    [InlineData("85\u00A0%", "85", true)]
    [InlineData("\u200B85", "85", false)]         // a zero-width space
    [InlineData("1\u202F234", null, false)]       // a narrow no-break space between digits: one number or two?
    [InlineData("'85", "85", false)]              // Excel's text prefix
    [InlineData("  -12.5%  ", "-12.5", true)]
    public void Numbers_typed_as_people_type_them_are_read(string text, string? expected, bool isPercent)
    {
        var reading = NumberNormaliser.Parse(text);

        if (expected is null)
        {
            Assert.Equal(NumberReadingKind.NotANumber, reading.Kind);
            return;
        }

        Assert.Equal(NumberReadingKind.Number, reading.Kind);
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), reading.Value);
        Assert.Equal(isPercent, reading.IsPercent);
    }

    [Theory]
    [InlineData("1 234")]         // one number or two?
    [InlineData("1.234,5")]       // continental separators
    [InlineData("1,23")]          // a comma that is not a thousands separator
    [InlineData("1,2345")]
    [InlineData("1e3")]
    [InlineData("$5")]
    [InlineData("€5")]
    [InlineData("85%%")]
    [InlineData("£85%")]
    [InlineData("--5")]
    [InlineData("+-5")]
    [InlineData("(-5)")]
    [InlineData("85 people")]
    [InlineData("about 85")]
    [InlineData("eighty-five")]
    [InlineData("TBC")]
    [InlineData("-")]
    [InlineData("%")]
    [InlineData("()")]
    public void Text_that_is_not_plainly_one_number_is_refused_not_guessed(string text) =>
        Assert.Equal(NumberReadingKind.NotANumber, NumberNormaliser.Parse(text).Kind);

    [Theory]
    [InlineData("=SUM(A1)")]
    [InlineData("=85")]
    [InlineData(" =A1*100")]
    [InlineData("@SUM(A1)")]
    public void Text_starting_like_a_formula_is_data_and_never_evaluated(string text) =>
        Assert.Equal(NumberReadingKind.FormulaText, NumberNormaliser.Parse(text).Kind);

    [Theory]
    [InlineData("-5", -5)]
    [InlineData("+5", 5)]
    public void A_leading_plus_or_minus_is_a_sign_not_a_formula(string text, int expected) =>
        Assert.Equal(expected, NumberNormaliser.Parse(text).Number);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u00A0")]
    [InlineData("\u200B")]
    public void Blank_or_only_spaces_is_blank(string? text) =>
        Assert.Equal(NumberReadingKind.Blank, NumberNormaliser.Parse(text).Kind);

    [Theory]
    [InlineData(0.85, "0%", 85)]
    [InlineData(0.855, "0.0%", 85.5)]
    [InlineData(1, "0%", 100)]
    [InlineData(0.85, "General", 0.85)]
    [InlineData(0.85, null, 0.85)]
    [InlineData(0.85, "0.00\"%\"", 0.85)]          // a quoted % is a literal, not a percentage format
    public void A_stored_number_is_scaled_by_100_only_when_its_format_shows_a_percentage(double stored, string? format, double expected)
    {
        var reading = NumberNormaliser.Read(Some.Cell(stored, format));

        Assert.Equal((decimal)expected, reading.Value);
        Assert.Equal(format == "0%" || format == "0.0%", reading.IsPercent);
    }

    [Fact]
    public void A_stored_number_loses_the_floating_point_noise_Excel_does_not_show() =>
        Assert.Equal(0.3m, NumberNormaliser.Read(Some.Cell(0.1 + 0.2)).Value);

    [Fact]
    public void A_percent_formatted_cell_keeps_its_full_precision() =>
        Assert.Equal(85.26m, NumberNormaliser.Read(Some.Cell(0.8526, "0%")).Value);

    [Fact]
    public void A_date_cell_is_not_a_number() =>
        Assert.Equal(NumberReadingKind.Date, NumberNormaliser.Read(Some.Cell(new DateTime(2025, 2, 1), "dd/mm/yyyy")).Kind);

    [Fact]
    public void A_boolean_cell_is_not_a_number() =>
        Assert.Equal(NumberReadingKind.NotANumber, NumberNormaliser.Read(Some.Cell(true)).Kind);

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_stored_number_that_is_not_finite_is_not_a_number(double stored) =>
        Assert.Equal(NumberReadingKind.NotANumber, NumberNormaliser.Read(Some.Cell(stored)).Kind);

    [Fact]
    public void Text_keeps_the_decimal_places_typed_so_rounding_can_be_judged() =>
        Assert.Equal(2, NumberNormaliser.Parse("85.30").Value.Scale);
}
