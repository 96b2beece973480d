namespace Pmf.Pipeline.Hosting;

/// <summary>
/// Six-field NCRONTAB schedules (<c>second minute hour day month weekday</c>), read in UTC by both
/// hosts. Functions timers run in UTC unless <c>WEBSITE_TIME_ZONE</c> is set, and Flex Consumption
/// on Linux does not honour it, so the schedules are written in UTC and chosen to fall early in
/// the UK morning in both GMT and BST.
/// </summary>
public static class JobSchedules
{
    /// <summary>
    /// The daily sweep: 05:30 UTC, which is 05:30 in winter (GMT) and 06:30 in summer (BST), before
    /// anyone opens the morning's follow-ups.
    /// </summary>
    public const string Sweep = "0 30 5 * * *";

    /// <summary>
    /// The default pull from service systems, when <see cref="HostingSettings.PullSourcesSchedule"/>
    /// is not set: every hour at a quarter past.
    /// </summary>
    public const string DefaultPullSources = "0 15 * * * *";

    /// <summary>
    /// The Power BI refresh timer: every five minutes it sends the refresh that loads are waiting for,
    /// once <c>Pmf:PowerBi:MinimumInterval</c> allows. Does nothing when refresh is not configured.
    /// </summary>
    public const string RefreshPowerBi = "0 */5 * * * *";
}
