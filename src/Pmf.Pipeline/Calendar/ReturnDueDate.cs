namespace Pmf.Pipeline.Calendar;

/// <summary>
/// The one rule for when a row of a return is due: the indicator's due working days after the end of the
/// row's own period, by the working-day calendar of its council's nation, whatever return carries the row.
/// A monthly indicator in a quarterly return is due month by month (October's row N working days after
/// 31 October), not when the quarter's rows are. The template, the sweep (and so the digest, which shows
/// the date the sweep gave each follow-up) and the committee report all ask this class.
/// </summary>
public static class ReturnDueDate
{
    /// <summary>The day the row for <paramref name="period"/> is due.</summary>
    /// <param name="period">The row's own period (a month, quarter or year).</param>
    /// <param name="dueWorkingDays">The indicator's <c>Due (working days)</c>.</param>
    /// <param name="nation">The nation of the indicator's council, whose bank holidays are skipped.</param>
    public static DateOnly For(Period period, int dueWorkingDays, Nation nation)
    {
        ArgumentNullException.ThrowIfNull(period);
        return For(period.End, dueWorkingDays, WorkingDayCalendar.For(nation));
    }

    /// <summary>
    /// The day a delivery-plan action's update for <paramref name="period"/> is due: updates are owed each quarter
    /// (<see cref="ActionUpdatePeriods"/>), and the catalogue gives an action no due days, so the default
    /// <see cref="WorkingDayCalendar.DefaultDueWorkingDays"/> after the period ends, by its council's nation.
    /// </summary>
    public static DateOnly ForActionUpdate(Period period, Nation nation) =>
        For(period, WorkingDayCalendar.DefaultDueWorkingDays, nation);

    /// <summary>The day a row whose period ends on <paramref name="periodEnd"/> is due, by <paramref name="calendar"/>.</summary>
    public static DateOnly For(DateOnly periodEnd, int dueWorkingDays, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(periodEnd, dueWorkingDays);
    }
}
