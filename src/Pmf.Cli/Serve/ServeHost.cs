using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pmf.Pipeline;
using Pmf.Pipeline.Hosting;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.Storage;

namespace Pmf.Cli.Serve;

/// <summary>
/// Builds <c>pmf serve</c>'s generic host: the same jobs the Functions app triggers, on one machine,
/// from the same settings and the same registrations (<see cref="PipelineServices.AddPmfPipeline"/>), plus <c>Pmf:Serve</c>.
/// </summary>
public static class ServeHost
{
    /// <summary>
    /// The host, not yet started. <paramref name="store"/> replaces the store the settings describe
    /// (an embedding host, or a test); <paramref name="logging"/> replaces the console log.
    /// Throws <see cref="ConfigurationProblemException"/> when a setting is unusable.
    /// </summary>
    public static IHost Build(
        IConfiguration configuration,
        TimeProvider time,
        IReturnStore? store = null,
        Action<ILoggingBuilder>? logging = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var serveOptions = Settings.Bind<ServeOptions>(configuration, ServeOptions.Section, o => o.Validate());
        store ??= ReturnStores.Create(Settings.Bind<StorageOptions>(configuration, StorageOptions.Section, o => o.Validate()), time);

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddConfiguration(configuration);
        (logging ?? (l => CliLogging.Serve(l, configuration)))(builder.Logging);

        var services = builder.Services;
        services.AddPmfPipeline(configuration, time, store);
        services.AddSingleton(serveOptions);
        services.AddSingleton(sp => new ReturnWatcher(
            store, sp.GetRequiredService<IngestReturnJob>().RunAsync, serveOptions, time, sp.GetRequiredService<ILogger<ReturnWatcher>>()));
        services.AddSingleton(sp => new ScheduleRunner(ServeSchedules.For(configuration, sp), time, sp.GetRequiredService<ILogger<ScheduleRunner>>()));
        services.AddHostedService<ServeWorker>();
        return builder.Build();
    }
}
