using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pmf.Pipeline;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Functions;

/// <summary>Registers the pipeline's jobs and what they need, from the same settings <c>pmf</c> reads.</summary>
internal static class PipelineServices
{
    public static IServiceCollection AddPmfJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var warehouse = Bind<WarehouseOptions>(configuration, WarehouseOptions.Section, o => o.Validate());
        var storage = Bind<StorageOptions>(configuration, StorageOptions.Section, o => o.Validate());
        var ingest = Bind<IngestOptions>(configuration, IngestOptions.Section, _ => null);

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(ingest);
        services.AddSingleton(new WarehouseDatabase(warehouse));
        services.AddSingleton(sp => ReturnStores.Create(storage, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IngestReturnJob>();
        services.AddSingleton<LoadCatalogueJob>();

        // Written on other branches in parallel; this file is only built where the worker packages restore.
        services.AddSingleton<PullSourcesJob>();
        services.AddSingleton<SweepJob>();
        return services;
    }

    private static T Bind<T>(IConfiguration configuration, string section, Func<T, string?> validate)
        where T : new()
    {
        var options = new T();
        configuration.GetSection(section).Bind(options);
        return validate(options) is { } problem ? throw new ConfigurationProblemException(problem) : options;
    }
}
