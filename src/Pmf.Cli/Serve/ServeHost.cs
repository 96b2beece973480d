using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pmf.Pipeline;
using Pmf.Pipeline.Hosting;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Web;

namespace Pmf.Cli.Serve;

/// <summary>
/// Builds <c>pmf serve</c>'s host: the same jobs the Functions app triggers, on one machine, from the same
/// settings and the same registrations (<see cref="PipelineServices.AddPmfPipeline"/>), plus <c>Pmf:Serve</c>;
/// and, unless <c>Pmf:Web:Enabled</c> is false, the pages (<see cref="WebRoutes"/>) on Kestrel at
/// <c>Pmf:Web:Listen</c> (this machine only) for the person <c>Pmf:Web:Identity</c> names.
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
        var webOptions = Settings.Bind<WebOptions>(configuration, WebOptions.Section, o => o.Validate());
        store ??= ReturnStores.Create(Settings.Bind<StorageOptions>(configuration, StorageOptions.Section, o => o.Validate()), time);
        logging ??= l =>
        {
            // One line a request would drown what serve does; the settings' Logging section can still ask for them.
            l.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            CliLogging.Serve(l, configuration);
        };

        if (!webOptions.Enabled)
        {
            var plain = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            plain.Configuration.AddConfiguration(configuration);
            logging(plain.Logging);
            AddServe(plain.Services, configuration, time, store, serveOptions);
            return plain.Build();
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(ServeHost).Assembly.GetName().Name });
        builder.Configuration.AddConfiguration(configuration);
        logging(builder.Logging);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(webOptions.Endpoint));
        builder.Services.AddRouting();
        AddServe(builder.Services, configuration, time, store, serveOptions);
        builder.Services.AddPmfWeb(configuration, o => new ConfiguredIdentity(o.Identity)).AddEphemeralFormKeys();
        var app = builder.Build();
        app.MapPmfPages();
        return app;
    }

    /// <summary>Where the started <paramref name="host"/> serves its pages (<c>http://127.0.0.1:5080</c>), or null when it serves none.</summary>
    public static Uri? PagesAddress(IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var address = host.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return address is null ? null : new Uri(address);
    }

    private static void AddServe(IServiceCollection services, IConfiguration configuration, TimeProvider time, IReturnStore store, ServeOptions serveOptions)
    {
        services.AddPmfPipeline(configuration, time, store);
        services.AddSingleton(serveOptions);
        services.AddSingleton(sp => new ReturnWatcher(
            store, sp.GetRequiredService<IngestReturnJob>().RunAsync, serveOptions, time, sp.GetRequiredService<ILogger<ReturnWatcher>>()));
        services.AddSingleton(sp => new ScheduleRunner(ServeSchedules.For(configuration, sp), time, sp.GetRequiredService<ILogger<ScheduleRunner>>()));
        // First of the hosted services: the warehouse is locked and migrated before Kestrel takes a request.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, ServeWorker>());
    }
}
