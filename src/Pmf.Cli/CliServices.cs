using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pmf.Pipeline.Hosting;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Cli;

/// <summary>
/// The composition root of a <c>pmf</c> command: the jobs and what they need come from
/// <see cref="PipelineServices.AddPmfPipeline"/>, the registration the Functions app and <c>pmf serve</c>
/// run with, over the command's settings (<see cref="CliSettings"/>), with logs where
/// <see cref="CliLogging"/> sends them. Every setting is checked once, before the command does anything.
/// </summary>
internal sealed class CliServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private CliServices(ServiceProvider provider, IConfiguration configuration)
    {
        _provider = provider;
        Configuration = configuration;
    }

    /// <summary>The settings the services were built from.</summary>
    public IConfiguration Configuration { get; }

    /// <summary>The warehouse the settings name (not yet migrated).</summary>
    public WarehouseDatabase Warehouse => Get<WarehouseDatabase>();

    /// <summary>The warehouse's settings.</summary>
    public WarehouseOptions WarehouseOptions => Get<WarehouseOptions>();

    /// <summary>
    /// Registers the pipeline over <paramref name="configuration"/>, lets <paramref name="replace"/> swap
    /// registrations a command needs otherwise (a sweep that mails nothing), and checks every setting.
    /// </summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is unusable; the message names it.</exception>
    /// <exception cref="Pipeline.ConfigurationProblemException">A setting's value is of the wrong type; the message names it.</exception>
    public static async Task<CliServices> StartAsync(IConfiguration configuration, TimeProvider time, Action<IServiceCollection>? replace, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection()
            .AddLogging(logging => CliLogging.Command(logging, configuration))
            .AddPmfPipeline(configuration, time);
        replace?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        try
        {
            await provider.ValidatePmfSettingsAsync(cancellationToken);
            return new CliServices(provider, configuration);
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
    }

    /// <summary>A registered service: a job, the store, the mail transport, a setting.</summary>
    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>The warehouse, created or brought up to this version's schema first.</summary>
    public async Task<WarehouseDatabase> MigratedWarehouseAsync(CancellationToken cancellationToken)
    {
        await Warehouse.MigrateAsync(cancellationToken);
        return Warehouse;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
