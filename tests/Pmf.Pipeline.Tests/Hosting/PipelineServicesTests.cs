using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Pmf.Pipeline.Alerts;
using Pmf.Pipeline.Hosting;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.PowerBi;
using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.Hosting;

/// <summary>The registrations every host runs with, resolved for real; bad settings stop the start.</summary>
public sealed class PipelineServicesTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Every_job_a_function_calls_resolves_from_the_settings_alone()
    {
        using var folder = new TempFolder();
        using var provider = Provider(folder, new Dictionary<string, string?>());
        await provider.ValidatePmfSettingsAsync();

        Assert.NotNull(provider.GetRequiredService<IngestReturnJob>());
        Assert.NotNull(provider.GetRequiredService<LoadCatalogueJob>());
        Assert.NotNull(provider.GetRequiredService<PullSourcesJob>());
        Assert.NotNull(provider.GetRequiredService<SweepJob>());
        Assert.IsType<OutboxMailTransport>(provider.GetRequiredService<IMailTransport>());
        Assert.False(provider.GetRequiredService<RefreshPowerBiJob>().Enabled);
        Assert.Null(provider.GetService<PowerBiRefresher>());
    }

    [Fact]
    public async Task Power_BI_refresh_is_on_when_both_ids_are_set_and_a_half_setting_stops_the_start()
    {
        using var folder = new TempFolder();
        using var provider = Provider(folder, new Dictionary<string, string?>
        {
            ["Pmf:PowerBi:WorkspaceId"] = "7f0c2a51-1111-4a3b-9c1d-000000000001",
            ["Pmf:PowerBi:DatasetId"] = "5d9e3b72-2222-4c4d-8e2f-000000000002",
        });
        Assert.True(provider.GetRequiredService<RefreshPowerBiJob>().Enabled);
        Assert.Same(provider.GetRequiredService<PowerBiRefresher>(), provider.GetRequiredService<PowerBiRefresher>());

        using var half = Provider(folder, new Dictionary<string, string?> { ["Pmf:PowerBi:DatasetId"] = "x" });
        var problem = await Assert.ThrowsAsync<OptionsValidationException>(() => half.ValidatePmfSettingsAsync());
        Assert.Contains("WorkspaceId", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_mail_transport_comes_from_the_settings_and_a_token_transport_without_a_mailbox_stops_the_start()
    {
        using var folder = new TempFolder();
        using var provider = Provider(folder, new Dictionary<string, string?>
        {
            ["Pmf:Alerts:Transport"] = "Graph",
            ["Pmf:Alerts:Mailbox"] = "performance@council.gov.uk",
            ["Pmf:Alerts:From"] = "PMF Pipeline <performance@council.gov.uk>",
        });
        Assert.IsType<GraphMailTransport>(provider.GetRequiredService<IMailTransport>());

        using var noMailbox = Provider(folder, new Dictionary<string, string?> { ["Pmf:Alerts:Transport"] = "smtp-oauth" });
        var problem = await Assert.ThrowsAsync<OptionsValidationException>(() => noMailbox.ValidatePmfSettingsAsync());
        Assert.StartsWith("Pmf:Alerts:Mailbox", problem.Message, StringComparison.Ordinal);
    }

    private ServiceProvider Provider(TempFolder folder, Dictionary<string, string?> settings)
    {
        settings["Pmf:Warehouse:ConnectionString"] = $"Data Source={Path.Combine(folder.Path, "w.db")}";
        settings["Pmf:Storage:LocalRoot"] = Path.Combine(folder.Path, "storage");
        settings["Pmf:Alerts:OutboxFolder"] = Path.Combine(folder.Path, "outbox");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging(b => b.ClearProviders());
        services.AddPmfPipeline(configuration, _clock);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
