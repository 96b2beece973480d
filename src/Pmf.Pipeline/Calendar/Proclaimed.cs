namespace Pmf.Pipeline.Calendar;

/// <summary>
/// UK bank holidays moved or added by royal proclamation since 1978 (in every nation): the only
/// holiday dates written down rather than computed.
/// </summary>
internal static class Proclaimed
{
    /// <summary>Regular holidays moved to another day: (the holiday, its day that year, its name that year).</summary>
    private static readonly (string Holiday, DateOnly Date, string Name)[] Moves =
    [
        (BankHolidayRules.EarlyMay, new(1995, 5, 8), "Early May bank holiday (VE day)"),
        (BankHolidayRules.Spring, new(2002, 6, 4), BankHolidayRules.Spring),
        (BankHolidayRules.Spring, new(2012, 6, 4), BankHolidayRules.Spring),
        (BankHolidayRules.EarlyMay, new(2020, 5, 8), "Early May bank holiday (VE day)"),
        (BankHolidayRules.Spring, new(2022, 6, 2), BankHolidayRules.Spring),
    ];

    /// <summary>One-off extra holidays.</summary>
    private static readonly BankHoliday[] Extras =
    [
        new(new(1981, 7, 29), "Royal wedding"),
        new(new(1999, 12, 31), "Millennium celebrations"),
        new(new(2002, 6, 3), "Golden Jubilee bank holiday"),
        new(new(2011, 4, 29), "Royal wedding"),
        new(new(2012, 6, 5), "Diamond Jubilee bank holiday"),
        new(new(2022, 6, 3), "Platinum Jubilee bank holiday"),
        new(new(2022, 9, 19), "Bank holiday for the State Funeral of Queen Elizabeth II"),
        new(new(2023, 5, 8), "Bank holiday for the coronation of King Charles III"),
    ];

    /// <summary>Moves and adds <paramref name="year"/>'s proclaimed days in <paramref name="days"/>.</summary>
    public static void Apply(int year, List<BankHoliday> days)
    {
        foreach (var (holiday, date, name) in Moves.Where(move => move.Date.Year == year))
        {
            var index = days.FindIndex(day => day.Name == holiday);
            days[index] = new(date, name);
        }

        days.AddRange(Extras.Where(extra => extra.Date.Year == year));
    }
}
