namespace Pmf.Pipeline.Calendar;

/// <summary>
/// UK bank holidays by rule: the Banking and Financial Dealings Act 1971, the royal proclamations under
/// it, and each nation's own days. The regular days are computed; only days moved or added by
/// proclamation are listed (<see cref="Proclaimed"/>, UK-wide). England and Wales: New Year's Day, Good
/// Friday, Easter Monday, the first and last Mondays of May, the last Monday of August, Christmas and
/// Boxing Day. Scotland: 2 January and St Andrew's Day (30 November) too, its summer holiday the first
/// Monday of August, and no Easter Monday. Northern Ireland: England and Wales's, with St Patrick's
/// Day (17 March) and the Battle of the Boyne (12 July). A fixed day on a weekend is taken on the next
/// weekday that is not already a holiday.
/// </summary>
internal static class BankHolidayRules
{
    /// <summary>The first year the rules hold for: the Early May bank holiday began in 1978.</summary>
    public const int FirstYear = 1978;

    public const string NewYearsDay = "New Year's Day";
    public const string SecondJanuary = "2nd January";
    public const string StPatricksDay = "St Patrick's Day";
    public const string GoodFriday = "Good Friday";
    public const string EasterMonday = "Easter Monday";
    public const string EarlyMay = "Early May bank holiday";
    public const string Spring = "Spring bank holiday";
    public const string Summer = "Summer bank holiday";
    public const string BattleOfTheBoyne = "Battle of the Boyne (Orangemen's Day)";
    public const string StAndrewsDay = "St Andrew's Day";
    public const string ChristmasDay = "Christmas Day";
    public const string BoxingDay = "Boxing Day";

    /// <summary>The days off in <paramref name="nation"/> in <paramref name="year"/>, in date order.</summary>
    public static IReadOnlyList<BankHoliday> In(Nation nation, int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, DateOnly.MaxValue.Year);

        var scotland = nation == Nation.Scotland;
        var easter = Easter.Sunday(year);
        var days = new List<BankHoliday>
        {
            new(easter.AddDays(-2), GoodFriday),
            new(FirstMonday(year, 5), EarlyMay),
            new(LastMonday(year, 5), Spring),
            scotland ? new(FirstMonday(year, 8), Summer) : new(LastMonday(year, 8), Summer),
        };
        if (!scotland)
        {
            days.Add(new(easter.AddDays(1), EasterMonday));
        }

        Proclaimed.Apply(year, days);

        // Fixed dates on a weekday are placed first, so that a weekend one's substitute skips them:
        // Christmas on a Sunday gives Boxing Day Monday 26th and Christmas (substitute) Tuesday 27th.
        var fixedDays = FixedDays(nation, year);
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

    private static List<BankHoliday> FixedDays(Nation nation, int year)
    {
        var days = new List<BankHoliday> { new(new(year, 1, 1), NewYearsDay) };
        switch (nation)
        {
            case Nation.Scotland:
                days.Add(new(new(year, 1, 2), SecondJanuary));
                days.Add(new(new(year, 11, 30), StAndrewsDay));
                break;
            case Nation.NorthernIreland:
                days.Add(new(new(year, 3, 17), StPatricksDay));
                days.Add(new(new(year, 7, 12), BattleOfTheBoyne));
                break;
        }

        days.Add(new(new(year, 12, 25), ChristmasDay));
        days.Add(new(new(year, 12, 26), BoxingDay));
        return days;
    }

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
