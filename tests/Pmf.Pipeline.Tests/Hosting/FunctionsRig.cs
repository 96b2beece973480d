using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pmf.Functions;
using Pmf.Pipeline.Hosting;
using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.Hosting;

/// <summary>
/// The Functions app's host as Program.cs builds it (<see cref="FunctionsApplication.CreateBuilder(string[])"/>
/// then <see cref="FunctionsHost.Configure"/>), with app settings under the names docs/deploy.md lists:
/// Azurite for the returns account, a SQLite file for the warehouse, an outbox folder for mail.
/// </summary>
internal static class FunctionsRig
{
    /// <summary>
    /// The app settings of a working deployment against Azurite and <paramref name="warehouse"/>. Keys are the
    /// app-setting names with <c>__</c> read as <c>:</c>, as the worker's environment-variable configuration reads them.
    /// </summary>
    public static Dictionary<string, string?> AppSettings(string azurite, string warehouse, string outbox) => new()
    {
        // Azurite only: in Azure the trigger connection is PmfStorage__blobServiceUri with the app's identity.
        [FunctionBindings.StorageConnection] = azurite,
        [Key(HostingSettings.PullSourcesSchedule)] = JobSchedules.DefaultPullSources,
        [Key(HostingSettings.WarehouseProvider)] = "sqlite",
        [Key(HostingSettings.WarehouseConnectionString)] = warehouse,
        [Key(HostingSettings.StorageKind)] = "blob",
        ["Pmf:Storage:ConnectionString"] = azurite,
        [Key(HostingSettings.AlertsTransport)] = "Outbox",
        ["Pmf:Alerts:OutboxFolder"] = outbox,
    };

    /// <summary>The configuration key an app setting becomes.</summary>
    public static string Key(string appSetting) => appSetting.Replace("__", ":", StringComparison.Ordinal);

    /// <summary>Builds the host; <paramref name="services"/> may add to it after Program.cs's registrations.</summary>
    public static IHost Build(IDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(settings);
        FunctionsHost.Configure(builder);
        services?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>A function class as the worker creates it for an invocation: its constructor's services from the host.</summary>
    public static T Function<T>(IHost host) => ActivatorUtilities.CreateInstance<T>(host.Services);

    /// <summary>The client the blob binding hands a function: from the trigger's connection setting, container and path.</summary>
    public static BlobClient TriggerBlob(IHost host, string container, string name)
    {
        var configuration = host.Services.GetRequiredService<IConfiguration>();
        return new BlobServiceClient(configuration[FunctionBindings.StorageConnection]).GetBlobContainerClient(container).GetBlobClient(name);
    }

    /// <summary>The outbox folder in a fresh <see cref="TempFolder"/>.</summary>
    public static string Outbox(TempFolder folder) => folder.File("outbox");
}
