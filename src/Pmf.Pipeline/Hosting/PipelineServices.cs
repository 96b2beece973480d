using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pmf.Pipeline.Alerts;
using Pmf.Pipeline.FollowUp;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.PowerBi;
using Pmf.Pipeline.Sources;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Hosting;

/// <summary>
/// The pipeline's jobs and what they need, registered from the same settings every host reads
/// (<c>Pmf:Warehouse</c>, <c>Pmf:Storage</c>, <c>Pmf:Ingest</c>, <c>Pmf:Sources</c>, <c>Pmf:FollowUp</c>,
/// <c>Pmf:Alerts</c>, <c>Pmf:PowerBi</c>). The Functions app and <c>pmf serve</c> both call this, so the
/// registrations the Functions app runs with are the ones <c>pmf serve</c>'s tests exercise.
/// </summary>
public static class PipelineServices
{
    /// <summary>
    /// Registers <see cref="IngestReturnJob"/>, <see cref="LoadCatalogueJob"/>, <see cref="PullSourcesJob"/>,
    /// <see cref="SweepJob"/> and <see cref="RefreshPowerBiJob"/> as singletons, with the warehouse, the store,
    /// one <see cref="HttpClient"/>, the mail transport and (when configured) the Power BI refresher.
    /// Every setting is validated here, so a bad one stops the start with its reason.
    /// </summary>
    /// <param name="services">The host's services; needs logging registered.</param>
    /// <param name="configuration">The settings.</param>
    /// <param name="time">The clock.</param>
    /// <param name="store">Replaces the store the settings describe (an embedding host, or a test).</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ConfigurationProblemException">A setting is unusable; the message says which and what to do.</exception>
    public static IServiceCollection AddPmfPipeline(this IServiceCollection services, IConfiguration configuration, TimeProvider time, IReturnStore? store = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(time);

        var warehouseOptions = Settings.Bind<WarehouseOptions>(configuration, WarehouseOptions.Section, o => o.Validate());
        var ingestOptions = Settings.Bind<IngestOptions>(configuration, IngestOptions.Section, _ => null);
        var followUp = Settings.Bind<FollowUpOptions>(configuration, FollowUpOptions.Section, o => o.Validate());
        var alerts = Settings.Bind<AlertOptions>(configuration, AlertOptions.Section, o => o.Validate());
        var powerBi = Settings.Bind<PowerBiRefreshOptions>(configuration, PowerBiRefreshOptions.Section, o => o.Validate());
        var sources = SourceSettings.Read(configuration);
        store ??= ReturnStores.Create(Settings.Bind<StorageOptions>(configuration, StorageOptions.Section, o => o.Validate()), time);
        var warehouse = new WarehouseDatabase(warehouseOptions);

        services.AddSingleton(time);
        services.AddSingleton(warehouseOptions);
        services.AddSingleton(warehouse);
        services.AddSingleton(store);
        services.AddSingleton(new HttpClient { Timeout = Timeout.InfiniteTimeSpan });
        services.AddSingleton(sp => MailTransports.Create(alerts, sp.GetRequiredService<HttpClient>(), time: time));
        if (powerBi.Enabled)
        {
            services.AddSingleton(sp => PowerBiRefresher.Create(
                powerBi, sp.GetRequiredService<HttpClient>(), time, sp.GetRequiredService<ILogger<PowerBiRefresher>>())!);
        }

        services.AddSingleton(sp => new IngestReturnJob(
            warehouse, store, time, sp.GetRequiredService<ILogger<IngestReturnJob>>(), ingestOptions, sp.GetService<PowerBiRefresher>(), sp.GetRequiredService<IMailTransport>(), alerts));
        services.AddSingleton(sp => new LoadCatalogueJob(warehouse, time, sp.GetRequiredService<ILogger<LoadCatalogueJob>>()));
        services.AddSingleton(sp => new PullSourcesJob(
            warehouse, sources, new SourceSecrets(configuration), sp.GetRequiredService<HttpClient>(), time, sp.GetRequiredService<ILogger<PullSourcesJob>>()));
        services.AddSingleton(sp => new SweepJob(
            warehouse, sp.GetRequiredService<IMailTransport>(), time, sp.GetRequiredService<ILogger<SweepJob>>(), followUp, alerts, ingestOptions));
        services.AddSingleton(sp => new RefreshPowerBiJob(sp.GetService<PowerBiRefresher>()));
        return services;
    }
}
