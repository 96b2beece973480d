using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pmf.Pipeline.Hosting;
using Pmf.Pipeline.Jobs;

namespace Pmf.Cli.Serve;

/// <summary>
/// The timer jobs <c>pmf serve</c> runs, on the schedules the Functions app uses
/// (<see cref="FunctionBindings.PullSourcesSchedule"/> from the <see cref="HostingSettings.PullSourcesSchedule"/>
/// setting, <see cref="JobSchedules.Sweep"/> and <see cref="JobSchedules.RefreshPowerBi"/>).
/// </summary>
public static class ServeSchedules
{
    /// <summary>The pull schedule the settings give, or <see cref="JobSchedules.DefaultPullSources"/>.</summary>
    public static string PullSources(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[HostingSettings.PullSourcesSchedule];
        return string.IsNullOrWhiteSpace(configured) ? JobSchedules.DefaultPullSources : configured.Trim();
    }

    /// <summary>Every scheduled job, each a single call onto its job with the instant it fell due.</summary>
    public static IReadOnlyList<ScheduledJob> For(IConfiguration configuration, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);

        // Parse now, so a bad schedule stops the start with its reason rather than failing at midnight.
        _ = ScheduledJob.Parse(FunctionBindings.PullSources, PullSources(configuration));

        return
        [
            new ScheduledJob(FunctionBindings.PullSources, PullSources(configuration), (asOf, ct) => services.GetRequiredService<PullSourcesJob>().RunAsync(asOf, ct)),
            new ScheduledJob(FunctionBindings.Sweep, JobSchedules.Sweep, (asOf, ct) => services.GetRequiredService<SweepJob>().RunAsync(asOf, ct)),
            new ScheduledJob(FunctionBindings.RefreshPowerBi, JobSchedules.RefreshPowerBi, (_, ct) => services.GetRequiredService<RefreshPowerBiJob>().RunAsync(ct)),
        ];
    }
}
