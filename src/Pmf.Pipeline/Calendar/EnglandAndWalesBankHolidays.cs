namespace Pmf.Pipeline.Calendar;

/// <summary>
/// England and Wales bank holidays from the rules of the Banking and Financial Dealings Act 1971 and
/// the royal proclamations under it: the regular days are computed; only days moved or added by
/// proclamation are listed (<see cref="Proclaimed"/>). A future proclamation must be added there.
/// </summary>
internal static class EnglandAndWalesBankHolidays
{
    /// <summary>The first year the rules hold for: the Early May bank holiday began in 1978.</summary>
    public const int FirstYear = 1978;

    public const string NewYearsDay = "New Year's Day";
    public const string GoodFriday = "Good Friday";
    public const string EasterMonday = "Easter Monday";
    public const string EarlyMay = "Early May bank holiday";
    public const string Spring = "Spring bank holiday";
    public const string Summer = "Summer bank holiday";
    public const string ChristmasDay = "Christmas Day";
    public const string BoxingDay = "Boxing Day";

    /// <summary>The days off in <paramref name="year"/>, in date order.</summary>
    public static IReadOnlyList<BankHoliday> In(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, DateOnly.MaxValue.Year);

        var easter = Easter.Sunday(year);
        var days = new List<BankHoliday>
        {
            new(easter.AddDays(-2), GoodFriday),
            new(easter.AddDays(1), EasterMonday),
            new(FirstMonday(year, 5), EarlyMay),
            new(LastMonday(year, 5), Spring),
            new(LastMonday(year, 8), Summer),
        };
        Proclaimed.Apply(year, days);

        // Fixed dates on a weekday are placed first, so that a weekend one's substitute skips them:
        // Christmas on a Sunday gives Boxing Day Monday 26th and Christmas (substitute) Tuesday 27th.
        BankHoliday[] fixedDays = [new(new(year, 1, 1), NewYearsDay), new(new(year, 12, 25), ChristmasDay), new(new(year, 12, 26), BoxingDay)];
        days.AddRange(fixedDays.Where(day => !IsWeekend(day.Date)));
        foreach (var day in fixedDays.Where(day => IsWeekend(day.Date)))
        {
            var substitute = day.Date;
            while (IsWeekend(substitute) || days.Exists(d => d.Date == substitute))
            {
                substitute = substitute.AddDays(1);
            }

            days.Add(new(substitute, $"{day.Name} (substitute day)"));
        }

        days.Sort((x, y) => x.Date.CompareTo(y.Date));
        return days.AsReadOnly();
    }

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static DateOnly FirstMonday(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7);
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }
}
