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
using Pmf.Pipeline.Web;

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
    /// Every setting is registered through <see cref="PipelineSettings.AddPmfSettings{T}"/> and checked when
    /// the host starts (or by <see cref="PipelineSettings.ValidatePmfSettingsAsync"/>), so a bad one stops the start
    /// with one sentence naming it.
    /// </summary>
    /// <param name="services">The host's services; needs logging registered.</param>
    /// <param name="configuration">The settings.</param>
    /// <param name="time">The clock.</param>
    /// <param name="store">Replaces the store the settings describe (an embedding host, or a test).</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddPmfPipeline(this IServiceCollection services, IConfiguration configuration, TimeProvider time, IReturnStore? store = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(time);

        services.AddPmfSettings<WarehouseOptions>(configuration, WarehouseOptions.Section, o => o.Validate());
        services.AddPmfSettings<IngestOptions>(configuration, IngestOptions.Section, o => o.Validate());
        services.AddPmfSettings<FollowUpOptions>(configuration, FollowUpOptions.Section, o => o.Validate());
        services.AddPmfSettings<AlertOptions>(configuration, AlertOptions.Section, o => o.Validate());
        services.AddPmfSettings<PowerBiRefreshOptions>(configuration, PowerBiRefreshOptions.Section, o => o.Validate());
        // Pmf:Web: every host reads its PublicUrl for links in mail; the pages' hosts check the rest (WebServices.AddPmfWeb).
        services.AddPmfWebOptions(configuration);
        services.AddPmfSettingsCheck(() => SourcesProblem(configuration));
        if (store is null)
        {
            services.AddPmfSettings<StorageOptions>(configuration, StorageOptions.Section, o => o.Validate());
            services.AddSingleton(sp => ReturnStores.Create(sp.GetRequiredService<StorageOptions>(), time));
        }
        else
        {
            services.AddSingleton(store);
        }

        services.AddSingleton(time);
        services.AddSingleton(sp => new WarehouseDatabase(sp.GetRequiredService<WarehouseOptions>()));
        services.AddSingleton(_ => SourceSettings.Read(configuration));
        services.AddSingleton(sp => new Web.WebLinks(sp.GetRequiredService<Web.WebOptions>().PublicUrl));
        services.AddSingleton(new HttpClient { Timeout = Timeout.InfiniteTimeSpan });
        services.AddSingleton(sp => MailTransports.Create(sp.GetRequiredService<AlertOptions>(), sp.GetRequiredService<HttpClient>(), time: time));
        // Null when refresh is not configured: the jobs take it as optional.
        services.AddSingleton(sp => PowerBiRefresher.Create(
            sp.GetRequiredService<PowerBiRefreshOptions>(), sp.GetRequiredService<HttpClient>(), time, sp.GetRequiredService<ILogger<PowerBiRefresher>>())!);

        services.AddSingleton(sp => new IngestReturnJob(
            sp.GetRequiredService<WarehouseDatabase>(), sp.GetRequiredService<IReturnStore>(), time, sp.GetRequiredService<ILogger<IngestReturnJob>>(),
            sp.GetRequiredService<IngestOptions>(), sp.GetService<PowerBiRefresher>(), sp.GetRequiredService<IMailTransport>(), sp.GetRequiredService<AlertOptions>()));
        services.AddSingleton(sp => new LoadCatalogueJob(sp.GetRequiredService<WarehouseDatabase>(), time, sp.GetRequiredService<ILogger<LoadCatalogueJob>>()));
        services.AddSingleton(sp => new PullSourcesJob(
            sp.GetRequiredService<WarehouseDatabase>(), sp.GetRequiredService<IReadOnlyList<SourceDefinition>>(), new SourceSecrets(configuration),
            sp.GetRequiredService<HttpClient>(), time, sp.GetRequiredService<ILogger<PullSourcesJob>>()));
        services.AddSingleton(sp => Sweep(sp, sp.GetRequiredService<IMailTransport>()));
        services.AddSingleton(sp => new RefreshPowerBiJob(sp.GetService<PowerBiRefresher>()));
        return services;
    }

    /// <summary>
    /// The sweep job over the registered warehouse, clock and settings, mailing through <paramref name="transport"/>;
    /// with none, it updates follow-ups and mails nothing (<c>pmf sweep --no-mail</c>).
    /// </summary>
    /// <param name="services">Services registered by <see cref="AddPmfPipeline"/>.</param>
    /// <param name="transport">How digests and owed reports go out, or null for none.</param>
    /// <returns>The job.</returns>
    public static SweepJob Sweep(IServiceProvider services, IMailTransport? transport)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new SweepJob(
            services.GetRequiredService<WarehouseDatabase>(), transport, services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<SweepJob>>(),
            services.GetRequiredService<FollowUpOptions>(), services.GetRequiredService<AlertOptions>(), services.GetRequiredService<IngestOptions>(),
            services.GetRequiredService<Web.WebLinks>());
    }

    private static string? SourcesProblem(IConfiguration configuration)
    {
        try
        {
            _ = SourceSettings.Read(configuration);
            return null;
        }
        catch (ConfigurationProblemException e)
        {
            return e.Message;
        }
    }
}
