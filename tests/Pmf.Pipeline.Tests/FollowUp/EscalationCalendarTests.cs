using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.FollowUp;

namespace Pmf.Pipeline.Tests.FollowUp;

// Defaults: reminder 3 working days before the due date, overdue from the first working day after it,
// director copied 5 working days after it, performance team 5 working days after that. The sweep runs
// every calendar day (weekends and holidays too) and the first day each level is reached is recorded.
public sealed class EscalationCalendarTests
{
    [Fact]
    public async Task Over_Christmas_the_reminder_due_date_and_each_escalation_fall_on_the_right_working_day()
    {
        // November 2026 ends Mon 30 Nov; 10 working days later it is due Mon 14 Dec. Christmas Day is a Friday
        // and Boxing Day a Saturday, so Mon 28 Dec is the substitute holiday.
        var firsts = await FirstDaysAsync("ASH-HOU-02", "2026/27 M08", new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 8));

        Assert.Equal(new DateOnly(2026, 12, 14), WorkingDayCalendar.EnglandAndWales.DueDate(Period.Month(2026, 8)));
        Assert.Equal(
            [new DateOnly(2026, 12, 9), new DateOnly(2026, 12, 15), new DateOnly(2026, 12, 21), new DateOnly(2026, 12, 30)],
            firsts);
    }

    [Fact]
    public async Task Over_New_Year_the_reminder_due_date_and_each_escalation_fall_on_the_right_working_day()
    {
        // December 2026 ends Thu 31 Dec; New Year's Day (Fri) is a holiday, so it is due Fri 15 Jan 2027.
        // The day after the due date is a Saturday: it becomes overdue on Monday 18 Jan.
        var firsts = await FirstDaysAsync("ASH-HOU-02", "2026/27 M09", new DateOnly(2027, 1, 1), new DateOnly(2027, 2, 5));

        Assert.Equal(
            [new DateOnly(2027, 1, 12), new DateOnly(2027, 1, 18), new DateOnly(2027, 1, 22), new DateOnly(2027, 1, 29)],
            firsts);
    }

    [Fact]
    public async Task Over_Easter_the_reminder_due_date_and_each_escalation_fall_on_the_right_working_day()
    {
        // Q4 2025/26 ends Tue 31 Mar 2026; Good Friday 3 Apr and Easter Monday 6 Apr push the due date to Thu 16 Apr.
        var firsts = await FirstDaysAsync("ASH-HOU-01", "2025/26 Q4", new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 8));

        Assert.Equal(new DateOnly(2026, 4, 16), WorkingDayCalendar.EnglandAndWales.DueDate(Period.Quarter(2025, 4)));
        Assert.Equal(
            [new DateOnly(2026, 4, 13), new DateOnly(2026, 4, 17), new DateOnly(2026, 4, 23), new DateOnly(2026, 4, 30)],
            firsts);
    }

    [Fact]
    public async Task Escalation_thresholds_follow_the_options()
    {
        await using var harness = await SweepHarness.CreateAsync();
        harness.FollowUp.ReminderWorkingDays = 1;
        harness.FollowUp.DirectorAfterWorkingDays = 2;
        harness.FollowUp.PerformanceTeamAfterWorkingDays = 1;

        // Due Mon 14 Dec 2026: reminder Fri 11 Dec, overdue Tue 15, director Wed 16, team Thu 17.
        var levels = new List<long>();
        foreach (var day in new[] { 10, 11, 15, 16, 17 })
        {
            await harness.SweepAsync(new DateOnly(2026, 12, day), mail: false);
            levels.Add((await harness.FollowUpAsync(FollowUpKind.Late, "ASH-HOU-02", "2026/27 M08"))?.Level ?? -1);
        }

        Assert.Equal([-1L, 0, 1, 2, 3], levels);
    }

    [Fact]
    public void Options_out_of_range_are_refused_with_the_setting_named()
    {
        Assert.Null(new FollowUpOptions().Validate());
        Assert.Equal(
            "Pmf:FollowUp:DirectorAfterWorkingDays is 0; set it to a whole number from 1 to 250.",
            new FollowUpOptions { DirectorAfterWorkingDays = 0 }.Validate());
        Assert.Contains("ReminderWorkingDays", new FollowUpOptions { ReminderWorkingDays = -1 }.Validate(), StringComparison.Ordinal);
    }

    /// <summary>The first day the follow-up stood at reminder, head of service, director and performance team.</summary>
    private static async Task<DateOnly[]> FirstDaysAsync(string indicator, string period, DateOnly from, DateOnly to)
    {
        await using var harness = await SweepHarness.CreateAsync();
        var firsts = new DateOnly?[4];
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            await harness.SweepAsync(day, mail: false);
            if (await harness.FollowUpAsync(FollowUpKind.Late, indicator, period) is { } item)
            {
                firsts[item.Level] ??= day;
            }
        }

        Assert.All(firsts, f => Assert.NotNull(f));
        return [.. firsts.Select(f => f!.Value)];
    }
}
