using Pmf.Pipeline.Calendar;

namespace Pmf.Pipeline.Tests.Calendar;

/// <summary>
/// Each UK nation's working days: the official GOV.UK list for 2012 to 2027 (embedded), and the rules
/// that compute the years outside it, which must give exactly the official days where both exist.
/// </summary>
public sealed class NationCalendarTests
{
    public static TheoryData<Nation, int> NationYears()
    {
        var data = new TheoryData<Nation, int>();
        foreach (var nation in Enum.GetValues<Nation>())
        {
            for (var year = 2012; year <= 2027; year++)
            {
                data.Add(nation, year);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NationYears))]
    public void The_calendar_and_the_rules_agree_with_the_official_list_for_every_nation_and_year_it_covers(Nation nation, int year)
    {
        var official = OfficialBankHolidays.Dates(nation)[year].Order().ToList();

        Assert.NotEmpty(official);
        Assert.Equal(official, WorkingDayCalendar.For(nation).HolidaysIn(year).Select(h => h.Date));
        Assert.Equal(official, BankHolidayRules.In(nation, year).Select(h => h.Date));
    }

    [Theory]
    [InlineData(Nation.Scotland, "2024-01-02", "2nd January")]
    [InlineData(Nation.Scotland, "2025-08-04", "Summer bank holiday")]
    [InlineData(Nation.Scotland, "2025-12-01", "St Andrew's Day (substitute day)")]
    [InlineData(Nation.NorthernIreland, "2025-03-17", "St Patrick's Day")]
    [InlineData(Nation.NorthernIreland, "2025-07-14", "Battle of the Boyne (Orangemen's Day) (substitute day)")]
    [InlineData(Nation.Wales, "2025-04-21", "Easter Monday")]
    public void Each_nation_has_its_own_days_named(Nation nation, string date, string name) =>
        Assert.Equal(name, WorkingDayCalendar.For(nation).HolidayName(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(Nation.Scotland, "2025-04-21")] // Easter Monday is not a Scottish bank holiday
    [InlineData(Nation.Scotland, "2025-08-25")] // nor the last Monday of August
    [InlineData(Nation.England, "2025-12-01")]  // St Andrew's Day is Scotland's
    [InlineData(Nation.England, "2025-03-17")]  // St Patrick's Day is Northern Ireland's
    public void A_day_another_nation_has_off_is_a_working_day(Nation nation, string date) =>
        Assert.True(WorkingDayCalendar.For(nation).IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Years_after_the_official_list_are_computed_by_rule()
    {
        // 2028: 1 January is a Saturday and 2 January a Sunday; 12 July a Wednesday; 30 November a Thursday.
        var scotland = WorkingDayCalendar.Scotland.HolidaysIn(2028).Select(h => h.Date.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var northernIreland = WorkingDayCalendar.NorthernIreland.HolidaysIn(2028).Select(h => h.Date.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(["01-03", "01-04", "04-14", "05-01", "05-29", "08-07", "11-30", "12-25", "12-26"], scotland);
        Assert.Equal(["01-03", "03-17", "04-14", "04-17", "05-01", "05-29", "07-12", "08-28", "12-25", "12-26"], northernIreland);
    }

    [Theory]
    [InlineData(Nation.England, "2025-04-30")]
    [InlineData(Nation.Wales, "2025-04-30")]
    [InlineData(Nation.Scotland, "2025-04-29")]         // no Easter Monday (21 April)
    [InlineData(Nation.NorthernIreland, "2025-04-30")]
    public void A_2024_25_Q4_return_due_20_working_days_after_the_quarter_is_due_by_its_nations_holidays(Nation nation, string due) =>
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), WorkingDayCalendar.For(nation).DueDate(Period.Quarter(2024, 4), 20));

    [Theory]
    [InlineData("England", Nation.England)]
    [InlineData("wales", Nation.Wales)]
    [InlineData("Scotland", Nation.Scotland)]
    [InlineData("Northern Ireland", Nation.NorthernIreland)]
    [InlineData("NI", Nation.NorthernIreland)]
    public void Nations_are_read_as_people_write_them(string text, Nation nation)
    {
        Assert.True(NationNames.TryRead(text, out var read));
        Assert.Equal(nation, read);
    }
}
