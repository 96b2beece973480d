using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pmf.Pipeline.Hosting;

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

    /// <summary>Adds Application Insights and the pipeline to <paramref name="builder"/>.</summary>
    public static FunctionsApplicationBuilder Configure(FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();
        builder.Services.AddPmfPipeline(builder.Configuration, TimeProvider.System);
        return builder;
    }
}
