using System.Text.RegularExpressions;

namespace Pmf.Pipeline.Calendar;

/// <summary>
/// A date typed as text, as CSV returns carry Excel dates: <c>30/06/2025</c> (day first, as in the UK),
/// <c>2025-06-30</c>, <c>30 Jun 2025</c>, optionally followed by a time.
/// </summary>
internal static partial class DateForms
{
    public static bool TryRead(string text, out DateOnly date)
    {
        date = default;
        int day, month, year;
        if (DayMonthYear().Match(text) is { Success: true } uk)
        {
            (day, month, year) = (Number(uk, "d"), Number(uk, "m"), Number(uk, "y"));
        }
        else if (YearMonthDay().Match(text) is { Success: true } iso)
        {
            (day, month, year) = (Number(iso, "d"), Number(iso, "m"), Number(iso, "y"));
        }
        else if (DayNameYear().Match(text) is { Success: true } named && MonthNames.Find(named.Groups["name"].Value) is { } m)
        {
            (day, month, year) = (Number(named, "d"), m, Number(named, "y"));
        }
        else
        {
            return false;
        }

        if (year is < FinancialYearText.FirstYear or > FinancialYearText.LastYear
            || month is < 1 or > 12
            || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static int Number(Match match, string group) => FinancialYearText.Number(match.Groups[group].Value);

    private const string Time = @"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?";

    [GeneratedRegex($@"^(?<d>\d{{1,2}})/(?<m>\d{{1,2}})/(?<y>\d{{4}}){Time}$")]
    private static partial Regex DayMonthYear();

    [GeneratedRegex($@"^(?<y>\d{{4}})-(?<m>\d{{1,2}})-(?<d>\d{{1,2}}){Time}$")]
    private static partial Regex YearMonthDay();

    [GeneratedRegex($@"^(?<d>\d{{1,2}})[ -]?(?<name>[A-Z]+)\.?[ -]?(?<y>\d{{4}}){Time}$")]
    private static partial Regex DayNameYear();
}
