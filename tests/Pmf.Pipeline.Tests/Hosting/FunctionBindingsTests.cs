using System.Reflection;
using System.Text.Json;
using Cronos;
using Pmf.Cli.Serve;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Hosting;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Tests.Servers;

namespace Pmf.Pipeline.Tests.Hosting;

/// <summary>
/// What the Functions app binds to, checked where it is defined (FunctionsMetadataTests check what the build generated):
/// schedules, paths, the connection and every app setting.
/// </summary>
public sealed class FunctionBindingsTests
{
    public static TheoryData<string, string> Schedules => new()
    {
        { nameof(JobSchedules.Sweep), JobSchedules.Sweep },
        { nameof(JobSchedules.DefaultPullSources), JobSchedules.DefaultPullSources },
        { nameof(FunctionBindings.SweepSchedule), FunctionBindings.SweepSchedule },
        { nameof(JobSchedules.RefreshPowerBi), JobSchedules.RefreshPowerBi },
        { nameof(FunctionBindings.RefreshPowerBiSchedule), FunctionBindings.RefreshPowerBiSchedule },
    };

    [Theory]
    [MemberData(nameof(Schedules))]
    public void Every_schedule_is_a_six_field_NCRONTAB_with_seconds(string name, string schedule)
    {
        Assert.Equal(6, schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        var expression = CronExpression.Parse(schedule, CronFormat.IncludeSeconds);
        Assert.NotNull(expression.GetNextOccurrence(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc));
        Assert.NotNull(ScheduledJob.Parse(name, schedule));
    }

    [Fact]
    public void A_five_field_schedule_is_refused_with_the_form_expected()
    {
        var problem = Assert.Throws<ConfigurationProblemException>(() => ScheduledJob.Parse(FunctionBindings.PullSources, "15 * * * *"));

        Assert.Contains("six-field NCRONTAB", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2027, 1, 18)]
    [InlineData(2027, 7, 19)]
    [InlineData(2027, 3, 29)]
    [InlineData(2027, 11, 1)]
    public void The_sweep_runs_once_a_day_early_in_the_UK_morning_in_winter_and_summer(int year, int month, int day)
    {
        var midnight = new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero);
        var first = ScheduledJob.Parse("Sweep", JobSchedules.Sweep).GetNextOccurrence(midnight, TimeZoneInfo.Utc)!.Value;
        var second = ScheduledJob.Parse("Sweep", JobSchedules.Sweep).GetNextOccurrence(first, TimeZoneInfo.Utc)!.Value;
        var ukHour = TimeZoneInfo.ConvertTime(first, UkClock.Zone).TimeOfDay;

        Assert.Equal(TimeSpan.FromDays(1), second - first);
        Assert.InRange(ukHour, TimeSpan.FromHours(5), TimeSpan.FromHours(7));
        Assert.Equal(new DateOnly(year, month, day), UkClock.DateAt(first));
    }

    [Fact]
    public void The_pull_schedule_is_read_from_the_app_setting_named_in_the_settings()
    {
        Assert.Equal($"%{HostingSettings.PullSourcesSchedule}%", FunctionBindings.PullSourcesSchedule);
        Assert.DoesNotContain(HostingSettings.PullSourcesSchedule, c => c is ':' or '_' or '%' or ' ');
    }

    [Fact]
    public void Trigger_paths_are_the_stores_containers()
    {
        Assert.Equal("returns/{service}/{name}", FunctionBindings.ReturnsPath);
        Assert.StartsWith(StorageContainers.Returns + "/", FunctionBindings.ReturnsPath, StringComparison.Ordinal);
        Assert.Equal("catalogue/{name}", FunctionBindings.CataloguePath);
        Assert.StartsWith(StorageContainers.Catalogue + "/", FunctionBindings.CataloguePath, StringComparison.Ordinal);
    }

    [Fact]
    public void The_storage_connection_is_identity_based_through_its_blob_service_uri()
    {
        Assert.Equal("PmfStorage__blobServiceUri", HostingSettings.StorageBlobServiceUri);
        Assert.StartsWith(FunctionBindings.StorageConnection + "__", HostingSettings.StorageBlobServiceUri, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_setting_constant_is_listed_and_documented_in_the_deployment_guide_or_the_readme()
    {
        var constants = typeof(HostingSettings).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "deploy.md"))
            + File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));

        Assert.Equal(constants.Order(StringComparer.Ordinal), HostingSettings.All.Order(StringComparer.Ordinal));
        Assert.All(HostingSettings.All, name => Assert.Contains($"`{name}`", docs, StringComparison.Ordinal));
    }

    [Fact]
    public void The_local_settings_example_uses_the_setting_names_and_holds_no_key()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "local.settings.json.example"));
        using var json = JsonDocument.Parse(text);
        var names = json.RootElement.GetProperty("Values").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Contains(HostingSettings.StorageBlobServiceUri, names);
        Assert.Contains(HostingSettings.PullSourcesSchedule, names);
        Assert.Contains(HostingSettings.WarehouseConnectionString, names);
        Assert.DoesNotContain("AccountKey", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SharedAccessSignature", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Password", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_hosts_poison_threshold_is_the_number_of_tries_serve_gives_a_file()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "host.json")));
        var threshold = json.RootElement.GetProperty("extensions").GetProperty("blobs").GetProperty("poisonBlobThreshold").GetInt32();

        Assert.Equal(new ServeOptions().MaxAttempts, threshold);
    }
}
