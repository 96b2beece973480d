using System.Globalization;
using Pmf.Pipeline.Calendar;

namespace Pmf.Pipeline.Tests.Calendar;

public sealed class BankHolidayTests
{
    /// <summary>
    /// England and Wales, as gov.uk/bank-holidays publishes them to 2027; 2028–2030 from the
    /// rules, worked by hand (e.g. 1 Jan 2028 is a Saturday, so Monday 3 Jan).
    /// </summary>
    public static TheoryData<int, string[]> Published => new()
    {
        { 2018, ["2018-01-01", "2018-03-30", "2018-04-02", "2018-05-07", "2018-05-28", "2018-08-27", "2018-12-25", "2018-12-26"] },
        { 2019, ["2019-01-01", "2019-04-19", "2019-04-22", "2019-05-06", "2019-05-27", "2019-08-26", "2019-12-25", "2019-12-26"] },
        { 2020, ["2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"] },
        { 2021, ["2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28"] },
        { 2022, ["2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27"] },
        { 2023, ["2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26"] },
        { 2024, ["2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26"] },
        { 2025, ["2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"] },
        { 2026, ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"] },
        { 2027, ["2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"] },
        { 2028, ["2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-08-28", "2028-12-25", "2028-12-26"] },
        { 2029, ["2029-01-01", "2029-03-30", "2029-04-02", "2029-05-07", "2029-05-28", "2029-08-27", "2029-12-25", "2029-12-26"] },
        { 2030, ["2030-01-01", "2030-04-19", "2030-04-22", "2030-05-06", "2030-05-27", "2030-08-26", "2030-12-25", "2030-12-26"] },
    };

    private static WorkingDayCalendar Calendar => WorkingDayCalendar.EnglandAndWales;

    [Theory]
    [MemberData(nameof(Published))]
    public void HolidaysIn_matches_the_published_England_and_Wales_list_exactly(int year, string[] expected)
    {
        var computed = Calendar.HolidaysIn(year).Select(h => h.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal(expected, computed);
    }

    [Theory]
    [MemberData(nameof(Published))]
    public void Every_published_holiday_is_a_bank_holiday_and_not_a_working_day(int year, string[] expected)
    {
        Assert.All(expected.Select(Day), date =>
        {
            Assert.True(Calendar.IsBankHoliday(date));
            Assert.False(Calendar.IsWorkingDay(date));
            Assert.NotNull(Calendar.HolidayName(date));
        });
        Assert.Equal(expected.Length, Dates(year).Count(Calendar.IsBankHoliday));
    }

    [Theory]
    [InlineData("2027-12-27", "Christmas Day (substitute day)")]
    [InlineData("2027-12-28", "Boxing Day (substitute day)")]
    [InlineData("2022-12-26", "Boxing Day")]
    [InlineData("2022-12-27", "Christmas Day (substitute day)")]
    [InlineData("2026-12-28", "Boxing Day (substitute day)")]
    [InlineData("2028-01-03", "New Year's Day (substitute day)")]
    [InlineData("2023-01-02", "New Year's Day (substitute day)")]
    [InlineData("2025-04-18", "Good Friday")]
    [InlineData("2025-04-21", "Easter Monday")]
    [InlineData("2025-05-05", "Early May bank holiday")]
    [InlineData("2025-05-26", "Spring bank holiday")]
    [InlineData("2025-08-25", "Summer bank holiday")]
    [InlineData("2020-05-08", "Early May bank holiday (VE day)")]
    [InlineData("2022-06-02", "Spring bank holiday")]
    [InlineData("2022-06-03", "Platinum Jubilee bank holiday")]
    [InlineData("2022-09-19", "Bank holiday for the State Funeral of Queen Elizabeth II")]
    [InlineData("2023-05-08", "Bank holiday for the coronation of King Charles III")]
    public void HolidayName_names_the_holiday_and_says_when_it_is_a_substitute(string date, string name) =>
        Assert.Equal(name, Calendar.HolidayName(Day(date)));

    [Theory]
    [InlineData("2027-12-25")]
    [InlineData("2020-05-04")]
    [InlineData("2022-05-30")]
    [InlineData("2025-06-02")]
    public void A_weekend_holiday_or_a_moved_holidays_usual_day_is_not_a_bank_holiday(string date)
    {
        Assert.False(Calendar.IsBankHoliday(Day(date)));
        Assert.Null(Calendar.HolidayName(Day(date)));
    }

    [Theory]
    [InlineData(2002, "2002-06-03", "2002-06-04")]
    [InlineData(2012, "2012-06-04", "2012-06-05")]
    public void Jubilee_years_before_2018_move_the_spring_holiday_into_June_beside_the_jubilee_day(int year, string first, string second)
    {
        var june = Calendar.HolidaysIn(year).Where(h => h.Date.Month is 5 or 6).Select(h => h.Date).ToList();
        Assert.Equal([Day(first), Day(second)], june.Where(d => d.Month == 6));
        Assert.DoesNotContain(june, d => d.Month == 5 && d.Day > 7);
    }

    [Theory]
    [InlineData("1981-07-29")]
    [InlineData("1995-05-08")]
    [InlineData("1999-12-31")]
    [InlineData("2011-04-29")]
    public void Earlier_proclaimed_days_are_bank_holidays(string date) => Assert.True(Calendar.IsBankHoliday(Day(date)));

    [Fact]
    public void Years_before_the_Early_May_holiday_began_are_refused_rather_than_guessed() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.HolidaysIn(1977));

    [Theory]
    [InlineData("2025-12-27")]
    [InlineData("2025-12-28")]
    public void Weekends_are_not_working_days_but_are_not_bank_holidays(string date)
    {
        Assert.False(Calendar.IsWorkingDay(Day(date)));
        Assert.False(Calendar.IsBankHoliday(Day(date)));
    }

    internal static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IEnumerable<DateOnly> Dates(int year)
    {
        for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}
