namespace Pmf.Pipeline.Calendar;

/// <summary>
/// When services owe updates on their delivery-plan actions: once a quarter, as both seed councils report their
/// plans (quarterly to committee). A template carries the Actions sheet when a quarter ends within its period (a
/// quarter, a year, or a quarter's last month), and an update for any period within a quarter counts for it.
/// </summary>
public static class ActionUpdatePeriods
{
    /// <summary>The quarters ending within <paramref name="period"/>, in order: the updates a template for it asks for.</summary>
    public static IEnumerable<Period> Within(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return Period.In(period.Year, Frequency.Quarterly).Where(q => q.End >= period.Start && q.End <= period.End);
    }

    /// <summary>Whether an update for <paramref name="update"/> (any frequency) lies within <paramref name="quarter"/>.</summary>
    public static bool Counts(Period update, Period quarter)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(quarter);
        return update.Start >= quarter.Start && update.End <= quarter.End;
    }
}
