using System.Text.RegularExpressions;

namespace Pmf.Pipeline.Calendar;

/// <summary>
/// Months: the key <c>2025/26 M01</c>, a named month <c>Apr 2025</c> / <c>April 2025</c>, and
/// <c>04/2025</c> / <c>4/2025</c>. <c>2025-04</c> is read by <see cref="YearForms"/>, because
/// <c>2011-12</c> could be a year or a month.
/// </summary>
internal static partial class MonthForms
{
    public static PeriodParseResult? TryRead(string text, string raw)
    {
        if (FinancialMonth().Match(text) is { Success: true } key)
        {
            return FinancialYearText.TryRead(key.Groups["y"].Value, key.Groups["e"].Value, raw, out var year, out var error)
                ? Numbered(year, key.Groups["m"].Value, raw)
                : PeriodParseResult.Fail(error!);
        }

        if (NamedMonth().Match(text) is { Success: true } named && MonthNames.Find(named.Groups["name"].Value) is { } month)
        {
            var digits = named.Groups["y"].Value;
            return digits.Length == 4
                ? Calendar(month, FinancialYearText.Number(digits), raw)
                : PeriodParseResult.Fail(
                    $"'{raw}' could be {MonthNames.Full(month)} 20{digits} or {FinancialYearText.Number(digits)} {MonthNames.Full(month)}; "
                    + $"write the year in full, e.g. {MonthNames.Short(month)} 20{digits}.");
        }

        if (MonthSlashYear().Match(text) is { Success: true } numeric)
        {
            var number = FinancialYearText.Number(numeric.Groups["m"].Value);
            return number is >= 1 and <= 12
                ? Calendar(number, FinancialYearText.Number(numeric.Groups["y"].Value), raw)
                : PeriodParseResult.Fail($"'{raw}' names month {number}; write the month as 01 to 12 and then the year, e.g. 04/2025 for April 2025.");
        }

        return null;
    }

    /// <summary>The monthly period for calendar <paramref name="month"/> of calendar <paramref name="year"/>.</summary>
    public static PeriodParseResult Calendar(int month, int year, string raw) =>
        year is < FinancialYearText.FirstYear or > FinancialYearText.LastYear
            ? PeriodParseResult.Fail($"'{raw}' names a year outside {FinancialYearText.FirstYear} to {FinancialYearText.LastYear}; check the year.")
            : PeriodParseResult.Ok(Period.Containing(new DateOnly(year, month, 1), Frequency.Monthly));

    private static PeriodParseResult Numbered(FinancialYear year, string digits, string raw)
    {
        var month = FinancialYearText.Number(digits);
        return month is >= 1 and <= 12
            ? PeriodParseResult.Ok(Period.Month(year.StartYear, month))
            : PeriodParseResult.Fail($"'{raw}' names month {month}, but a financial year has M01 (April) to M12 (March).");
    }

    [GeneratedRegex($"^(?:{PeriodForms.FinancialYear}[ -]?{PeriodForms.MonthNumber}|{PeriodForms.MonthNumber}[ -]?{PeriodForms.FinancialYear})$")]
    private static partial Regex FinancialMonth();

    [GeneratedRegex(@"^(?<name>[A-Z]+)\.?[ -]?(?<y>\d{4}|\d{2})$")]
    private static partial Regex NamedMonth();

    [GeneratedRegex(@"^(?<m>\d{1,2})[/-](?<y>\d{4})$")]
    private static partial Regex MonthSlashYear();
}
