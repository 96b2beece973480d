using Microsoft.ApplicationInsights.Channel;
using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.ApplicationInsights;
using Microsoft.Extensions.Options;
using Pmf.Pipeline.Hosting;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.Hosting;

/// <summary>
/// The Functions app's host as Program.cs builds it: a missing or wrong app setting stops the start with
/// one sentence naming it, and the Pmf categories' Information logs reach Application Insights as host.json says.
/// </summary>
public sealed partial class FunctionsStartTests
{
    private const string Azurite = "UseDevelopmentStorage=true";

    public static TheoryData<string, string?, string> Broken => new()
    {
        { HostingSettings.WarehouseProvider, null, "The app setting Pmf__Warehouse__Provider is not set" },
        { HostingSettings.WarehouseConnectionString, null, "The app setting Pmf__Warehouse__ConnectionString is not set" },
        { HostingSettings.StorageKind, null, "The app setting Pmf__Storage__Kind is not set" },
        { HostingSettings.StorageKind, "local", "The app setting Pmf__Storage__Kind is 'local'" },
        { FunctionBindings.StorageConnection, null, "The app setting PmfStorage__blobServiceUri is not set" },
        { HostingSettings.PullSourcesSchedule, null, "The app setting PmfPullSourcesSchedule is not set" },
        { HostingSettings.PullSourcesSchedule, "15 * * * *", "The schedule for PmfPullSourcesSchedule is '15 * * * *'" },
        { HostingSettings.AlertsTransport, null, "The app setting Pmf__Alerts__Transport is not set" },
        { HostingSettings.WarehouseProvider, "oracle", "Pmf:Warehouse:Provider is 'oracle'" },
        { HostingSettings.IngestFeedbackFrom, "performance team", "Pmf:Ingest:FeedbackFrom 'performance team' is not an e-mail address" },
        { "Pmf__Storage__ConnectionString", null, "Pmf:Storage:Kind is blob but neither BlobServiceUri nor ConnectionString is set" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task A_missing_or_wrong_app_setting_stops_the_start_with_one_sentence_naming_it(string appSetting, string? value, string expected)
    {
        using var folder = new TempFolder();
        var settings = Working(folder);
        if (value is null)
        {
            settings.Remove(FunctionsRig.Key(appSetting));
        }
        else
        {
            settings[FunctionsRig.Key(appSetting)] = value;
        }

        using var host = FunctionsRig.Build(settings);

        var stopped = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.StartsWith(expected, stopped.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', stopped.Message);
        Assert.Single(stopped.Failures);
        Assert.False(File.Exists(folder.File("w.db")), "nothing was created before the check");
    }

    [Fact]
    public async Task The_settings_a_deployment_sets_pass_the_checks_the_host_starts_with()
    {
        using var folder = new TempFolder();
        using var host = FunctionsRig.Build(Working(folder));

        await host.Services.ValidatePmfSettingsAsync();

        Assert.NotNull(FunctionsRig.Function<Pmf.Functions.IngestReturn>(host));
        Assert.NotNull(FunctionsRig.Function<Pmf.Functions.LoadCatalogue>(host));
        Assert.NotNull(FunctionsRig.Function<Pmf.Functions.PullSources>(host));
        Assert.NotNull(FunctionsRig.Function<Pmf.Functions.Sweep>(host));
        Assert.NotNull(FunctionsRig.Function<Pmf.Functions.RefreshPowerBi>(host));
    }

    [Fact]
    public void The_logger_filter_the_host_ends_up_with_sends_Pmf_Information_to_Application_Insights_as_host_json_says()
    {
        using var folder = new TempFolder();
        using var host = FunctionsRig.Build(Working(folder));
        var filter = host.Services.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>();
        var insights = host.Services.GetServices<ILoggerProvider>().OfType<ApplicationInsightsLoggerProvider>().Single();
        using var onlyInsights = new LoggerFactory([insights], filter);

        Assert.DoesNotContain(filter.CurrentValue.Rules, r => r.ProviderName == typeof(ApplicationInsightsLoggerProvider).FullName && r.LogLevel == LogLevel.Warning);
        Assert.True(onlyInsights.CreateLogger<IngestReturnJob>().IsEnabled(LogLevel.Information));
        Assert.True(onlyInsights.CreateLogger<SweepJob>().IsEnabled(LogLevel.Information));
        Assert.False(onlyInsights.CreateLogger<IngestReturnJob>().IsEnabled(LogLevel.Debug));
        Assert.True(onlyInsights.CreateLogger("Function.IngestReturn").IsEnabled(LogLevel.Information));
        // host.json's default and Azure.Core stay at Warning.
        Assert.False(onlyInsights.CreateLogger("Azure.Core").IsEnabled(LogLevel.Information));
        Assert.False(onlyInsights.CreateLogger("Some.Library").IsEnabled(LogLevel.Information));
        Assert.True(onlyInsights.CreateLogger("Some.Library").IsEnabled(LogLevel.Warning));
    }

    [Fact]
    public void An_Information_log_of_a_job_is_sent_to_Application_Insights_as_a_trace()
    {
        using var folder = new TempFolder();
        var channel = new CapturingChannel();
        var settings = Working(folder);
        // The shape of the connection string infra/ sets; the channel below replaces the network.
        settings[HostingSettings.ApplicationInsightsConnectionString] = "InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=http://127.0.0.1:9/";
        using var host = FunctionsRig.Build(settings, services => services.AddSingleton<ITelemetryChannel>(channel));

        var logger = host.Services.GetRequiredService<ILogger<IngestReturnJob>>();
        LogVerdict(logger, "HOU/q2.xlsx", "Accepted");
        LogDetail(logger, "HOU/q2.xlsx");

        var trace = Assert.Single(channel.Sent.OfType<TraceTelemetry>());
        Assert.Equal("Return HOU/q2.xlsx: Accepted", trace.Message);
        Assert.Equal(SeverityLevel.Information, trace.SeverityLevel);
        // What docs/deploy.md's queries filter on.
        Assert.Equal(typeof(IngestReturnJob).FullName, trace.Properties["CategoryName"]);
        Assert.Equal("Accepted", trace.Properties["Verdict"]);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Return {Name}: {Verdict}")]
    private static partial void LogVerdict(ILogger logger, string name, string verdict);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reading {Name}")]
    private static partial void LogDetail(ILogger logger, string name);

    private static Dictionary<string, string?> Working(TempFolder folder) =>
        FunctionsRig.AppSettings(Azurite, $"Data Source={folder.File("w.db")}", FunctionsRig.Outbox(folder));

    private sealed class CapturingChannel : ITelemetryChannel
    {
        public List<ITelemetry> Sent { get; } = [];

        public bool? DeveloperMode { get; set; }

        public string EndpointAddress { get; set; } = "";

        public void Send(ITelemetry item)
        {
            lock (Sent)
            {
                Sent.Add(item);
            }
        }

        public void Flush()
        {
        }

        public void Dispose()
        {
        }
    }
}
