using System.Text.RegularExpressions;

namespace Pmf.Pipeline.Calendar;

/// <summary>
/// Financial years: <c>2025/26</c>, <c>2025-26</c>, <c>2025/2026</c>, <c>FY2025/26</c>, <c>FY25/26</c>,
/// <c>25/26</c>; and <c>2025-04</c>, which shares their shape. Forms that fit a year and a month
/// (<c>2011-12</c>, <c>11/12</c>), or that name a calendar year (<c>2025</c>, <c>FY2025</c>), are errors
/// that carry both readings, so an indicator whose frequency fits only one of them takes that one.
/// </summary>
internal static partial class YearForms
{
    public static PeriodParseResult? TryRead(string text, string raw)
    {
        if (YearDashNumber().Match(text) is { Success: true } iso)
        {
            return YearOrMonth(iso.Groups["y"].Value, iso.Groups["n"].Value, raw);
        }

        if (ShortPair().Match(text) is { Success: true } pair)
        {
            return ShortYear(pair.Groups["a"].Value, pair.Groups["b"].Value, raw);
        }

        if (FinancialYearOnly().Match(text) is { Success: true } financial)
        {
            return FinancialYearText.TryRead(financial.Groups["y"].Value, financial.Groups["e"].Value, raw, out var year, out var error)
                ? PeriodParseResult.Ok(Period.Annual(year.StartYear))
                : PeriodParseResult.Fail(error!);
        }

        if (SingleYear().Match(text) is { Success: true } single)
        {
            var year = FinancialYearText.Number(single.Groups["y"].Value);
            var fullYear = single.Groups["y"].Length == 2 ? 2000 + year : year;
            var (before, after) = (new FinancialYear(fullYear - 1), new FinancialYear(fullYear));
            return single.Groups["fy"].Success && fullYear is > FinancialYearText.FirstYear and <= FinancialYearText.LastYear
                ? PeriodParseResult.Ambiguous(
                    $"'{raw}' could mean the financial year ending in {fullYear} ({before.Key}) or starting in it ({after.Key}); write FY{after.Key} or FY{before.Key}.",
                    Period.Annual(before.StartYear), Period.Annual(after.StartYear))
                : PeriodParseResult.Fail(single.Groups["fy"].Success
                    ? $"'{raw}' could mean the financial year ending in {fullYear} ({before.Key}) or starting in it ({after.Key}); write FY{after.Key} or FY{before.Key}."
                    : $"'{raw}' is a calendar year, but periods run April to March; write {after.Key} (Apr {fullYear} to Mar {fullYear + 1}) or {before.Key}.");
        }

        return null;
    }

    private static PeriodParseResult YearOrMonth(string yearDigits, string numberDigits, string raw)
    {
        var year = FinancialYearText.Number(yearDigits);
        var number = FinancialYearText.Number(numberDigits);
        var isFinancialYear = numberDigits.Length == 2 && number == (year + 1) % 100;
        var isMonth = number is >= 1 and <= 12;
        var financialYear = new FinancialYear(year);
        return (isFinancialYear, isMonth) switch
        {
            (true, true) => Both(
                $"'{raw}' could be the financial year {financialYear.Key} or {MonthNames.Full(number)} {year}; "
                + $"write {financialYear.Key} or {MonthNames.Short(number)} {year}.",
                year, number, year, raw),
            (true, false) => FinancialYearText.TryRead(yearDigits, numberDigits, raw, out var fy, out var error)
                ? PeriodParseResult.Ok(Period.Annual(fy.StartYear))
                : PeriodParseResult.Fail(error!),
            (false, true) => MonthForms.Calendar(number, year, raw),
            _ => PeriodParseResult.Fail(
                $"'{raw}' is neither a financial year (e.g. {financialYear.Key}) nor a month (e.g. {year}-04 for April {year})."),
        };
    }

    private static PeriodParseResult? ShortYear(string first, string second, string raw)
    {
        var a = FinancialYearText.Number(first);
        var b = FinancialYearText.Number(second);
        if (b != (a + 1) % 100)
        {
            return null;
        }

        var year = new FinancialYear(2000 + a);
        return a is >= 1 and <= 12
            ? Both(
                $"'{raw}' could be the financial year {year.Key} or {MonthNames.Full(a)} 20{second}; write {year.Key} or {MonthNames.Short(a)} 20{second}.",
                year.StartYear, a, 2000 + b, raw)
            : PeriodParseResult.Ok(Period.Annual(year.StartYear));
    }

    /// <summary>The error for a form that fits the financial year from <paramref name="startYear"/> and a month, carrying both readings.</summary>
    private static PeriodParseResult Both(string error, int startYear, int month, int monthYear, string raw) =>
        startYear is >= FinancialYearText.FirstYear and <= FinancialYearText.LastYear && MonthForms.Calendar(month, monthYear, raw).Period is { } monthly
            ? PeriodParseResult.Ambiguous(error, Period.Annual(startYear), monthly)
            : PeriodParseResult.Fail(error);

    [GeneratedRegex(@"^(?<y>\d{4})-(?<n>\d{1,2})$")]
    private static partial Regex YearDashNumber();

    [GeneratedRegex(@"^(?<a>\d{2})[/-](?<b>\d{2})$")]
    private static partial Regex ShortPair();

    [GeneratedRegex($"^{PeriodForms.FinancialYear}$")]
    private static partial Regex FinancialYearOnly();

    [GeneratedRegex(@"^(?<fy>FY ?)?(?<y>\d{4})$|^(?<fy>FY ?)(?<y>\d{2})$")]
    private static partial Regex SingleYear();
}
