using Pmf.Pipeline.Calendar;

namespace Pmf.Pipeline.FollowUp;

/// <summary>
/// The dates one sweep compares due dates with, worked out once in C# from the working-day calendar
/// so the SQL only compares dates. A follow-up due on date D is, as of <see cref="Today"/>:
/// a reminder while D ≤ <see cref="RemindBy"/>; overdue (head of service) once D ≤ <see cref="OverdueBy"/>
/// (from the first working day after D); director copied once D ≤ <see cref="DirectorBy"/> (N working days after D
/// have gone by, counting today);
/// performance team copied once D ≤ <see cref="TeamBy"/> (N + M working days).
/// </summary>
/// <param name="Today">The UK date of the as-of instant.</param>
/// <param name="RemindBy">The latest due date that is reminded of today.</param>
/// <param name="OverdueBy">The latest due date that is overdue today.</param>
/// <param name="DirectorBy">The latest due date whose follow-up copies the director today.</param>
/// <param name="TeamBy">The latest due date whose follow-up copies the performance team today.</param>
/// <param name="WindowStart">Periods ending before this are not swept.</param>
public sealed record SweepDates(DateOnly Today, DateOnly RemindBy, DateOnly OverdueBy, DateOnly DirectorBy, DateOnly TeamBy, DateOnly WindowStart)
{
    /// <summary>The dates for a sweep as of <paramref name="asOf"/>.</summary>
    public static SweepDates For(DateTimeOffset asOf, FollowUpOptions options, WorkingDayCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var days = calendar ?? WorkingDayCalendar.EnglandAndWales;
        var today = UkClock.DateAt(asOf);
        return new SweepDates(
            today,
            days.AddWorkingDays(today, options.ReminderWorkingDays),
            Back(days, today, 1),
            Back(days, today, options.DirectorAfterWorkingDays),
            Back(days, today, options.DirectorAfterWorkingDays + options.PerformanceTeamAfterWorkingDays),
            today.AddDays(-options.LookBackDays));
    }

    /// <summary>The latest date D with <c>WorkingDaysBetween(D, today) ≥ workingDays</c>.</summary>
    internal static DateOnly Back(WorkingDayCalendar days, DateOnly today, int workingDays)
    {
        var day = today;
        for (var counted = 0; counted < workingDays; day = day.AddDays(-1))
        {
            if (days.IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }
}
