using System.Text.RegularExpressions;

namespace Pmf.Pipeline.Calendar;

/// <summary>
/// Quarters: <c>2025/26 Q1</c>, <c>Q1 2025/26</c>, <c>2025-26 Q1</c>, <c>Q1 25/26</c>, and the
/// financial quarters' month ranges <c>Apr-Jun 2025</c> … <c>Jan-Mar 2026</c>.
/// </summary>
internal static partial class QuarterForms
{
    private const string FinancialQuarters = "quarters are Apr–Jun, Jul–Sep, Oct–Dec and Jan–Mar";

    public static PeriodParseResult? TryRead(string text, string raw)
    {
        if (FinancialQuarter().Match(text) is { Success: true } financial)
        {
            return FinancialYearText.TryRead(financial.Groups["y"].Value, financial.Groups["e"].Value, raw, out var year, out var error)
                ? Numbered(year, financial.Groups["q"].Value, raw)
                : PeriodParseResult.Fail(error!);
        }

        if (CalendarYearQuarter().Match(text) is { Success: true } calendar)
        {
            return CalendarQuarter(FinancialYearText.Number(calendar.Groups["y"].Value), calendar.Groups["q"].Value, raw);
        }

        if (MonthRange().Match(text) is { Success: true } range)
        {
            return Range(range.Groups["a"].Value, range.Groups["b"].Value, range.Groups["y"].Value, range.Groups["y1"], raw);
        }

        return null;
    }

    private static PeriodParseResult Numbered(FinancialYear year, string digits, string raw)
    {
        var quarter = FinancialYearText.Number(digits);
        return quarter is >= 1 and <= 4
            ? PeriodParseResult.Ok(Period.Quarter(year.StartYear, quarter))
            : PeriodParseResult.Fail($"'{raw}' names quarter {quarter}, but a financial year has Q1 to Q4 ({FinancialQuarters}).");
    }

    private static PeriodParseResult CalendarQuarter(int year, string digits, string raw)
    {
        var quarter = FinancialYearText.Number(digits);
        if (quarter is < 1 or > 4)
        {
            return PeriodParseResult.Fail($"'{raw}' names quarter {quarter}, but a year has Q1 to Q4.");
        }

        var calendarReading = Period.Containing(new DateOnly(year, ((quarter - 1) * 3) + 1, 1), Frequency.Quarterly);
        var financialReading = Period.Quarter(year, quarter);
        return PeriodParseResult.Fail(
            $"'{raw}' could be calendar Q{quarter} ({Months(calendarReading)}) or financial Q{quarter} ({Months(financialReading)}); "
            + $"write {calendarReading.Key} or {financialReading.Key}.");
    }

    private static PeriodParseResult? Range(string from, string to, string yearText, Group firstYear, string raw)
    {
        if (MonthNames.Find(from) is not { } first || MonthNames.Find(to) is not { } last)
        {
            return null;
        }

        var year = FinancialYearText.Number(yearText);
        if (firstYear.Success && FinancialYearText.Number(firstYear.Value) != year)
        {
            return PeriodParseResult.Fail($"'{raw}' spans two calendar years, so it is not a financial quarter; {FinancialQuarters}.");
        }

        if ((first - 1) % 3 != 0 || last != first + 2)
        {
            return PeriodParseResult.Fail($"'{raw}' is not a financial quarter; {FinancialQuarters}.");
        }

        return year is < FinancialYearText.FirstYear or > FinancialYearText.LastYear
            ? PeriodParseResult.Fail($"'{raw}' names a year outside {FinancialYearText.FirstYear} to {FinancialYearText.LastYear}; check the year.")
            : PeriodParseResult.Ok(Period.Containing(new DateOnly(year, first, 1), Frequency.Quarterly));
    }

    private static string Months(Period quarter) =>
        $"{MonthNames.Short(quarter.Start.Month)}–{MonthNames.Short(quarter.End.Month)} {quarter.End.Year}";

    [GeneratedRegex($"^(?:{PeriodForms.FinancialYear}[ -]?{PeriodForms.QuarterNumber}|{PeriodForms.QuarterNumber}[ -]?{PeriodForms.FinancialYear})$")]
    private static partial Regex FinancialQuarter();

    [GeneratedRegex($@"^(?:{PeriodForms.QuarterNumber}[ -]?(?<y>\d{{4}})|(?<y>\d{{4}})[ -]?{PeriodForms.QuarterNumber})$")]
    private static partial Regex CalendarYearQuarter();

    [GeneratedRegex(@"^(?<a>[A-Z]+)\.?(?: ?(?<y1>\d{4}))?(?:-| TO )(?<b>[A-Z]+)\.? ?(?<y>\d{4})$")]
    private static partial Regex MonthRange();
}
