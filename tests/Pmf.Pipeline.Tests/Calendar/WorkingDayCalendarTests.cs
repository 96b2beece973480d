using Pmf.Pipeline.Calendar;
using static Pmf.Pipeline.Tests.Calendar.BankHolidayTests;

namespace Pmf.Pipeline.Tests.Calendar;

public sealed class WorkingDayCalendarTests
{
    private static WorkingDayCalendar Calendar => WorkingDayCalendar.EnglandAndWales;

    [Theory]
    [InlineData("2021-12-24", 1, "2021-12-29")] // Christmas and Boxing Day both substituted
    [InlineData("2025-12-24", 1, "2025-12-29")]
    [InlineData("2025-12-24", 5, "2026-01-05")] // 29, 30, 31 Dec; 1 Jan off; 2 and 5 Jan
    [InlineData("2022-06-01", 1, "2022-06-06")] // Platinum Jubilee Thursday and Friday
    [InlineData("2025-04-17", 1, "2025-04-22")] // Good Friday to Easter Monday
    [InlineData("2025-06-06", 1, "2025-06-09")] // Friday to Monday
    [InlineData("2025-06-07", 0, "2025-06-07")] // nought days: the date itself, even a Saturday
    public void AddWorkingDays_skips_weekends_and_bank_holidays(string from, int days, string expected) =>
        Assert.Equal(Day(expected), Calendar.AddWorkingDays(Day(from), days));

    [Fact]
    public void AddWorkingDays_refuses_a_negative_count() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(Day("2025-06-06"), -1));

    [Theory]
    [InlineData("2025-12-24", "2026-01-02", 4)]
    [InlineData("2026-01-02", "2025-12-24", -4)]
    [InlineData("2025-06-06", "2025-06-06", 0)]
    [InlineData("2025-06-06", "2025-06-08", 0)]
    [InlineData("2025-01-01", "2025-12-31", 253)]
    public void WorkingDaysBetween_counts_working_days_after_the_first_date_up_to_the_second(string from, string to, int expected) =>
        Assert.Equal(expected, Calendar.WorkingDaysBetween(Day(from), Day(to)));

    [Fact]
    public void WorkingDaysBetween_undoes_AddWorkingDays()
    {
        var start = Day("2025-12-19");
        for (var n = 0; n <= 30; n++)
        {
            Assert.Equal(n, Calendar.WorkingDaysBetween(start, Calendar.AddWorkingDays(start, n)));
        }
    }

    [Fact]
    public void DueDate_for_the_quarter_ending_on_New_Years_Eve_skips_New_Years_Day() =>
        // Q3 ends Wed 31 Dec 2025; 1 Jan is off; 2, 5–9, 12–15 Jan are the ten working days.
        Assert.Equal(Day("2026-01-15"), Calendar.DueDate(Period.Quarter(2025, 3)));

    [Fact]
    public void DueDate_for_December_2021_skips_the_New_Years_Day_substitute() =>
        // Fri 31 Dec 2021; Mon 3 Jan 2022 is New Year's Day (substitute day); 4–7, 10–14, 17 Jan.
        Assert.Equal(Day("2022-01-17"), Calendar.DueDate(Period.Month(2021, 9)));

    [Fact]
    public void DueDate_for_November_crosses_Christmas_when_the_indicator_allows_twenty_working_days() =>
        // Tue 30 Nov 2021; 1–3, 6–10, 13–17, 20–24 Dec make 18; 27 and 28 Dec are off; 29 and 30 Dec.
        Assert.Equal(Day("2021-12-30"), Calendar.DueDate(Period.Month(2021, 8), 20));

    [Fact]
    public void DueDate_for_the_year_end_skips_Good_Friday_and_Easter_Monday() =>
        // Tue 31 Mar 2026; 1–2 Apr, then 3 and 6 Apr are Easter; 7–10, 13–16 Apr.
        Assert.Equal(Day("2026-04-16"), Calendar.DueDate(Period.Annual(2025)));

    [Fact]
    public void DueDate_when_the_period_ends_on_Easter_Sunday_starts_counting_after_Easter_Monday() =>
        // Sun 31 Mar 2024 is Easter Day; Mon 1 Apr is off; 2–5, 8–12, 15 Apr.
        Assert.Equal(Day("2024-04-15"), Calendar.DueDate(Period.Quarter(2023, 4)));

    [Fact]
    public void DueDate_defaults_to_ten_working_days() =>
        Assert.Equal(
            Calendar.DueDate(Period.Month(2025, 3), WorkingDayCalendar.DefaultDueWorkingDays),
            Calendar.DueDate(Period.Month(2025, 3)));
}
