using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pmf.Pipeline.Hosting;
using Pmf.Pipeline.Storage;

namespace Pmf.Pipeline.Web;

/// <summary>The pages' registrations, the same in both hosts but for who vouches for the person.</summary>
public static class WebServices
{
    /// <summary>
    /// Registers <c>Pmf:Web</c> (checked at start), <see cref="WebUsers"/>, <see cref="WebAudit"/>,
    /// <see cref="WebPipeline"/>, <see cref="WebDispatcher"/>, anti-forgery and <paramref name="identity"/>.
    /// Needs <see cref="PipelineServices.AddPmfPipeline"/>'s warehouse and clock.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The settings.</param>
    /// <param name="identity">Who vouches for the person, given the settings.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddPmfWeb(this IServiceCollection services, IConfiguration configuration, Func<WebOptions, IWebIdentity> identity)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(identity);
        // Every host binds Pmf:Web and checks its PublicUrl; a host with pages checks the pages' settings too.
        services.AddPmfWebOptions(configuration);
        services.AddPmfSettingsRule<WebOptions>(o => o.Validate());
        services.AddSingleton(sp => identity(sp.GetRequiredService<WebOptions>()));
        services.AddSingleton<WebUsers>();
        services.AddSingleton<WebAudit>();
        services.AddSingleton<OwedReturns>();
        services.AddSingleton<OwedActionUpdates>();
        services.AddSingleton<WebPipeline>();
        services.AddSingleton<WebDispatcher>();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "pmf-form";
            o.FormFieldName = "__form";
        });
        return services;
    }

    /// <summary>
    /// Binds <c>Pmf:Web</c> once as <see cref="WebOptions"/>, its <see cref="WebOptions.PublicUrl"/> checked at start
    /// (every host: mail links to the pages); a second call, from the other of the pipeline and the pages, adds nothing.
    /// </summary>
    internal static IServiceCollection AddPmfWebOptions(this IServiceCollection services, IConfiguration configuration) =>
        services.Any(d => d.ServiceType == typeof(WebOptions))
            ? services
            : services.AddPmfSettings<WebOptions>(configuration, WebOptions.Section, o => o.ValidateLinks());

    /// <summary>
    /// For <c>pmf serve</c>: form tokens signed with keys held in memory, so nothing is written to the user's
    /// profile; a form opened before a restart is refused with a sentence saying to reload it.
    /// </summary>
    public static IServiceCollection AddEphemeralFormKeys(this IServiceCollection services)
    {
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        return services;
    }

    /// <summary>The data-protection application name, so every instance's protectors agree whatever folder it runs from.</summary>
    public const string ApplicationName = "pmf-pipeline";

    /// <summary>
    /// For the Functions app: form keys kept in the <see cref="BlobKeyRepository.Container"/> container of the returns
    /// account (<c>Pmf:Storage</c>, the same connection as the returns), so a form opened on one instance is accepted
    /// by another and after a restart. Needs <see cref="PipelineServices.AddPmfPipeline"/>'s storage settings.
    /// </summary>
    public static IServiceCollection AddSharedFormKeys(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<StorageOptions>((options, storage) =>
            options.XmlRepository = new BlobKeyRepository(ReturnStores.CreateBlobServiceClient(storage).GetBlobContainerClient(BlobKeyRepository.Container)));
        return services;
    }
}
