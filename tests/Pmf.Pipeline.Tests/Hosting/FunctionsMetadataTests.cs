using System.Text.Json;
using System.Text.RegularExpressions;
using Pmf.Functions;
using Pmf.Pipeline.Hosting;
using Pmf.Pipeline.Tests.Servers;

namespace Pmf.Pipeline.Tests.Hosting;

/// <summary>
/// functions.metadata, as the worker SDK generated it in the build output: what the Functions host
/// indexes in Azure (names, triggers, Event Grid source, paths, connections, schedules).
/// </summary>
public sealed partial class FunctionsMetadataTests
{
    private static readonly JsonElement[] Functions = Read();

    [Fact]
    public void The_build_declares_exactly_the_six_functions_each_at_its_class()
    {
        Assert.Equal(
            new[] { FunctionBindings.IngestReturn, FunctionBindings.LoadCatalogue, FunctionBindings.Pages, FunctionBindings.PullSources, FunctionBindings.RefreshPowerBi, FunctionBindings.Sweep },
            Functions.Select(f => f.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        Assert.All(Functions, f =>
        {
            Assert.Equal($"{typeof(IngestReturn).Namespace}.{f.GetProperty("name").GetString()}.RunAsync", f.GetProperty("entryPoint").GetString());
            Assert.Equal("Pmf.Functions.dll", f.GetProperty("scriptFile").GetString());
            Assert.Equal("dotnet-isolated", f.GetProperty("language").GetString());
        });
    }

    [Theory]
    [InlineData(FunctionBindings.IngestReturn, "blob", "returns/{service}/{name}")]
    [InlineData(FunctionBindings.LoadCatalogue, "content", "catalogue/{name}")]
    public void The_blob_triggers_come_from_Event_Grid_on_the_returns_accounts_identity_connection(string function, string parameter, string path)
    {
        var binding = Assert.Single(Bindings(function));

        Assert.Equal("blobTrigger", binding.GetProperty("type").GetString());
        Assert.Equal("In", binding.GetProperty("direction").GetString());
        Assert.Equal(parameter, binding.GetProperty("name").GetString());
        Assert.Equal(path, binding.GetProperty("path").GetString());
        Assert.Equal("EventGrid", binding.GetProperty("source").GetString());
        Assert.Equal(FunctionBindings.StorageConnection, binding.GetProperty("connection").GetString());
        // Deferred binding: the function gets a BlobClient (or a stream) from the worker, not bytes through the host.
        Assert.Equal("True", binding.GetProperty("properties").GetProperty("supportsDeferredBinding").GetString());
    }

    [Theory]
    [InlineData(FunctionBindings.PullSources, JobSchedules.DefaultPullSources)]
    [InlineData(FunctionBindings.Sweep, JobSchedules.Sweep)]
    [InlineData(FunctionBindings.RefreshPowerBi, JobSchedules.RefreshPowerBi)]
    public void Each_timer_schedule_resolves_through_the_app_settings_the_deployment_sets_to_a_six_field_NCRONTAB(string function, string expected)
    {
        var binding = Assert.Single(Bindings(function));
        Assert.Equal("timerTrigger", binding.GetProperty("type").GetString());
        var schedule = binding.GetProperty("schedule").GetString()!;

        var resolved = AppSetting().Replace(schedule, m => DeployedSetting(m.Groups["name"].Value));

        Assert.Equal(expected, resolved);
        Assert.NotNull(ScheduledJob.Parse(function, resolved));
    }

    [Fact]
    public void The_pull_schedule_is_an_app_setting_every_deployment_sets_and_the_start_check_requires()
    {
        var schedule = Assert.Single(Bindings(FunctionBindings.PullSources)).GetProperty("schedule").GetString();

        Assert.Equal($"%{HostingSettings.PullSourcesSchedule}%", schedule);
        Assert.Contains($"{{ name: '{HostingSettings.PullSourcesSchedule}', value: pullSourcesSchedule }}", Infra("functionapp.bicep"), StringComparison.Ordinal);
    }

    private static IEnumerable<JsonElement> Bindings(string function) =>
        Functions.Single(f => f.GetProperty("name").GetString() == function).GetProperty("bindings").EnumerateArray();

    /// <summary>The value infra/ gives an app setting: the Bicep parameter's default, followed from the app setting to the parameter.</summary>
    private static string DeployedSetting(string name)
    {
        var app = Infra("functionapp.bicep");
        var parameter = Regex.Match(app, $@"\{{ name: '{Regex.Escape(name)}', value: (?<p>\w+) \}}").Groups["p"].Value;
        Assert.False(string.IsNullOrEmpty(parameter), $"infra/modules/functionapp.bicep sets no app setting {name}");
        var main = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "infra", "main.bicep"));
        var value = Regex.Match(main, $@"param {Regex.Escape(parameter)} string = '(?<v>[^']*)'").Groups["v"].Value;
        Assert.False(string.IsNullOrEmpty(value), $"infra/main.bicep gives {parameter} no default");
        return value;
    }

    private static string Infra(string module) => File.ReadAllText(Path.Combine(RepositoryRoot.Path, "infra", "modules", module));

    private static JsonElement[] Read()
    {
        var path = Path.Combine(Path.GetDirectoryName(typeof(IngestReturn).Assembly.Location)!, "functions.metadata");
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return [.. json.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    [GeneratedRegex("%(?<name>[^%]+)%")]
    private static partial Regex AppSetting();
}
