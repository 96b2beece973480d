using System.Globalization;

namespace Pmf.Pipeline.FollowUp;

/// <summary>
/// How the sweep raises and escalates follow-ups; bound from <c>Pmf:FollowUp</c>. Working days are
/// those of the nation of the indicator's council (<see cref="Calendar.WorkingDayCalendar.For"/>).
/// </summary>
public sealed class FollowUpOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Pmf:FollowUp";

    /// <summary>Working days before a return's due date that a reminder is raised (0: no reminders).</summary>
    public int ReminderWorkingDays { get; set; } = 3;

    /// <summary>Working days after the due date (or after a non-return flag is raised) before the director is copied.</summary>
    public int DirectorAfterWorkingDays { get; set; } = 5;

    /// <summary>Working days after the director is copied before the performance team is copied too.</summary>
    public int PerformanceTeamAfterWorkingDays { get; set; } = 5;

    /// <summary>
    /// How far back the sweep looks, in days before the as-of date: periods that ended earlier are not
    /// flagged (a new warehouse does not raise ten years of late returns). Open follow-ups older than
    /// this are left as they are.
    /// </summary>
    public int LookBackDays { get; set; } = 400;

    /// <summary>The first problem with these settings, or null when they are usable.</summary>
    public string? Validate()
    {
        if (ReminderWorkingDays is < 0 or > 60)
        {
            return Problem(nameof(ReminderWorkingDays), ReminderWorkingDays, "0 to 60");
        }

        if (DirectorAfterWorkingDays is < 1 or > 250)
        {
            return Problem(nameof(DirectorAfterWorkingDays), DirectorAfterWorkingDays, "1 to 250");
        }

        if (PerformanceTeamAfterWorkingDays is < 1 or > 250)
        {
            return Problem(nameof(PerformanceTeamAfterWorkingDays), PerformanceTeamAfterWorkingDays, "1 to 250");
        }

        return LookBackDays is < 31 or > 3660 ? Problem(nameof(LookBackDays), LookBackDays, "31 to 3660") : null;
    }

    private static string Problem(string name, int value, string range) => string.Create(
        CultureInfo.InvariantCulture, $"{Section}:{name} is {value}; set it to a whole number from {range}.");
}
