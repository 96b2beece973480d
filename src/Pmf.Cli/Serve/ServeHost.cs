using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pmf.Pipeline;
using Pmf.Pipeline.Alerts;
using Pmf.Pipeline.FollowUp;
using Pmf.Pipeline.Hosting;
using Pmf.Pipeline.Sources;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Cli.Serve;

/// <summary>
/// Builds <c>pmf serve</c>'s generic host: the same jobs the Functions app triggers, on one machine,
/// from the same settings (<c>Pmf:Warehouse</c>, <c>Pmf:Storage</c>, <c>Pmf:Ingest</c>, <c>Pmf:Serve</c>).
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
        var warehouseOptions = Bind<WarehouseOptions>(configuration, WarehouseOptions.Section, o => o.Validate());
        var serveOptions = Bind<ServeOptions>(configuration, ServeOptions.Section, o => o.Validate());
        var ingestOptions = Bind<IngestOptions>(configuration, IngestOptions.Section, _ => null);
        store ??= ReturnStores.Create(Bind<StorageOptions>(configuration, StorageOptions.Section, o => o.Validate()), time);
        var warehouse = new WarehouseDatabase(warehouseOptions);

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddConfiguration(configuration);
        if (logging is null)
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            });
        }
        else
        {
            logging(builder.Logging);
        }

        var services = builder.Services;
        services.AddSingleton(time);
        services.AddSingleton(warehouseOptions);
        services.AddSingleton(serveOptions);
        services.AddSingleton(warehouse);
        services.AddSingleton(store);
        services.AddSingleton(sp => new IngestReturnJob(warehouse, store, time, sp.GetRequiredService<ILogger<IngestReturnJob>>(), ingestOptions));
        services.AddSingleton(sp => new ReturnWatcher(
            store, sp.GetRequiredService<IngestReturnJob>().RunAsync, serveOptions, time, sp.GetRequiredService<ILogger<ReturnWatcher>>()));
        services.AddSingleton(new HttpClient { Timeout = Timeout.InfiniteTimeSpan });
        services.AddSingleton(sp => new PullSourcesJob(
            warehouse, SourceSettings.Read(configuration), new SourceSecrets(configuration), sp.GetRequiredService<HttpClient>(), time, sp.GetRequiredService<ILogger<PullSourcesJob>>()));
        services.AddSingleton(sp =>
        {
            var followUp = Bind<FollowUpOptions>(configuration, FollowUpOptions.Section, o => o.Validate());
            var alerts = Bind<AlertOptions>(configuration, AlertOptions.Section, o => o.Validate());
            return new SweepJob(warehouse, MailTransports.Create(alerts), time, sp.GetRequiredService<ILogger<SweepJob>>(), followUp, alerts);
        });
        services.AddSingleton(sp => new ScheduleRunner(ServeSchedules.For(configuration, sp), time, sp.GetRequiredService<ILogger<ScheduleRunner>>()));
        services.AddHostedService<ServeWorker>();
        return builder.Build();
    }

    private static T Bind<T>(IConfiguration configuration, string section, Func<T, string?> validate)
        where T : new()
    {
        var options = new T();
        configuration.GetSection(section).Bind(options);
        return validate(options) is { } problem ? throw new ConfigurationProblemException(problem) : options;
    }
}
