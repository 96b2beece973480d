using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.ApplicationInsights;
using Pmf.Pipeline.Hosting;
using Pmf.Pipeline.Web;

namespace Pmf.Functions;

/// <summary>How the Functions app's host is built: Program.cs calls it, and so do the tests.</summary>
public static class FunctionsHost
{
    /// <summary>Builds the host the worker runs, from the app settings.</summary>
    public static IHost Build(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        Configure(builder);
        return builder.Build();
    }

    /// <summary>
    /// Adds Application Insights, the logging levels of host.json and the pipeline, whose settings
    /// (with the app settings FunctionsAppSettings requires) are checked when the host starts.
    /// </summary>
    public static FunctionsApplicationBuilder Configure(FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        builder.Services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();
        // The worker logs straight to Application Insights, so it applies host.json's levels itself.
        var hostJson = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, FunctionsAppSettings.HostJson), optional: true).Build();
        builder.Logging.AddConfiguration(hostJson.GetSection(FunctionsAppSettings.HostJsonLogging));
        // The Application Insights provider adds a rule sending it Warning and above only, whatever host.json
        // says; without this the Pmf categories' Information logs (each return's verdict) never reach it.
        builder.Services.Configure<LoggerFilterOptions>(options =>
        {
            var warningOnly = options.Rules.FirstOrDefault(rule => rule.ProviderName == typeof(ApplicationInsightsLoggerProvider).FullName);
            if (warningOnly is not null)
            {
                options.Rules.Remove(warningOnly);
            }
        });
        // The pages: ASP.NET Core integration, so the HTTP function gets HttpContext and the handlers pmf serve runs.
        builder.ConfigureFunctionsWebApplication();
        builder.Services.AddPmfPipeline(configuration, TimeProvider.System);
        builder.Services.AddPmfWeb(configuration, _ => new AppServiceIdentity());
        // Form keys in the returns account, so every instance (and each after a restart) accepts the others' forms.
        builder.Services.AddSharedFormKeys();
        builder.Services.AddPmfSettingsCheck(() => FunctionsAppSettings.Problem(configuration));
        return builder;
    }
}
