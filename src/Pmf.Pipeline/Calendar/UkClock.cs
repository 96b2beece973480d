namespace Pmf.Pipeline.Calendar;

/// <summary>
/// Councils work in UK civil time (GMT/BST). Dates such as "today" and "the due date has passed"
/// are read in that zone whatever zone the host runs in (Azure Functions run in UTC).
/// </summary>
public static class UkClock
{
    /// <summary>The UK time zone (Europe/London).</summary>
    public static TimeZoneInfo Zone { get; } = FindZone();

    /// <summary>The UK calendar date at <paramref name="instant"/>.</summary>
    public static DateOnly DateAt(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>A UK wall-clock time as a council officer reads it: "3 December 2026, 14:05".</summary>
    public static string Text(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Zone).ToString("d MMMM yyyy, HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Today's UK calendar date by <paramref name="time"/>.</summary>
    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateAt(time.GetUtcNow());
    }

    private static TimeZoneInfo FindZone()
    {
        foreach (var id in new[] { "Europe/London", "GMT Standard Time" })
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
            {
                return zone;
            }
        }

        // No time-zone database on the host: build the UK rule (last Sunday of March/October, 01:00 UTC).
        var start = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 1, 0, 0), 3, 5, DayOfWeek.Sunday);
        var end = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 10, 5, DayOfWeek.Sunday);
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1), start, end);
        return TimeZoneInfo.CreateCustomTimeZone("Europe/London", TimeSpan.Zero, "UK time", "GMT", "BST", [rule]);
    }
}
