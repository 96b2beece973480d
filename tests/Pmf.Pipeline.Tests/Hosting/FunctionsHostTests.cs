using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Pmf.Cli.Serve;
using Pmf.Functions;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Hosting;
using Pmf.Pipeline.Samples;
using Pmf.Pipeline.Sources;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Tests.Jobs;
using Pmf.Pipeline.Tests.Servers;
using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.Hosting;

/// <summary>
/// Each function of the Functions app, resolved from the host Program.cs builds and invoked with the
/// binding types its functions.metadata declares, against Azurite and a SQLite warehouse.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class FunctionsHostTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_return_handed_to_IngestReturn_as_a_BlobClient_ends_loaded_moved_and_reported_exactly_as_under_pmf_serve()
    {
        var file = IngestHarness.CleanHousingReturn();
        var bytes = SampleReturnWriter.ToBytes(file);

        var functions = await RunAsync(async (harness, settings) =>
        {
            using var host = FunctionsRig.Build(settings);
            await host.Services.ValidatePmfSettingsAsync();
            await UploadAsync(StorageContainers.Returns, file.ReturnPath, bytes);

            await FunctionsRig.Function<IngestReturn>(host).RunAsync(FunctionsRig.TriggerBlob(host, StorageContainers.Returns, file.ReturnPath), CancellationToken.None);
        });
        var serve = await RunAsync(async (harness, settings) =>
        {
            settings["Pmf:Serve:PollSeconds"] = "0.2";
            settings["Pmf:Serve:SettleSeconds"] = "0.2";
            settings["Pmf:Web:Listen"] = "http://127.0.0.1:0";
            using var host = ServeHost.Build(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), TimeProvider.System, logging: l => l.ClearProviders());
            await host.StartAsync();
            await UploadAsync(StorageContainers.Returns, file.ReturnPath, bytes);
            // Mailing the sender is the last step of an ingest.
            await Eventually.WithinAsync(
                Limit,
                async () => (await NamesAsync(StorageContainers.Returns)).Count == 0 && Directory.Exists(settings["Pmf:Alerts:OutboxFolder"]) && Directory.GetFiles(settings["Pmf:Alerts:OutboxFolder"]!).Length > 0,
                "pmf serve loads the return, moves it out of returns/ and mails its report");
            await host.StopAsync();
        });

        Assert.Equal(["Accepted"], functions.Verdicts);
        Assert.True(functions.Results > 0);
        Assert.Empty(functions.Returns);
        Assert.Contains("HOU/HOU 2026-27 Q1 return.xlsx", functions.Processed);
        Assert.Contains("HOU/HOU 2026-27 Q1 return.xlsx.report.html", functions.Processed);
        Assert.Equal(serve, functions);
    }

    [Fact]
    public async Task A_catalogue_handed_to_LoadCatalogue_as_a_stream_and_name_is_validated_and_loaded()
    {
        await azurite.ResetAsync();
        using var warehouse = await TestWarehouse.CreateAsync();
        using var folder = new TempFolder();
        var workbook = folder.File("catalogue.xlsx");
        CatalogueWorkbookWriter.Write(IngestHarness.Framework, workbook);
        using var host = FunctionsRig.Build(FunctionsRig.AppSettings(azurite.ConnectionString, warehouse.Options.ConnectionString, FunctionsRig.Outbox(folder)));
        await host.Services.ValidatePmfSettingsAsync();

        await using (var content = File.OpenRead(workbook))
        {
            await FunctionsRig.Function<LoadCatalogue>(host).RunAsync(content, "catalogue.xlsx", CancellationToken.None);
        }

        Assert.True(await warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM dim_indicator") > 50);
        Assert.Equal("catalogue.xlsx", await warehouse.ScalarAsync<string>("SELECT file_name FROM catalogue_load"));
    }

    [Fact]
    public async Task The_timer_functions_run_their_jobs_pull_sweep_and_refresh()
    {
        await azurite.ResetAsync();
        await using var harness = await IngestHarness.CreateAsync();
        using var folder = new TempFolder();
        await using var systems = await SampleSources.StartAsync(IngestHarness.Framework, folder.File("systems"), DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime), CancellationToken.None);
        var settings = FunctionsRig.AppSettings(azurite.ConnectionString, harness.Warehouse.Options.ConnectionString, FunctionsRig.Outbox(folder));
        var source = $"Pmf:Sources:{SampleFramework.RevenuesSource}";
        settings[$"{source}:Kind"] = SourceKinds.Sql;
        settings[$"{source}:Sql:Provider"] = SqlProviders.Sqlite;
        settings[$"{source}:Sql:ConnectionStringSetting"] = SampleSources.RevenuesConnectionSetting;
        settings[$"{source}:Sql:Query"] = SampleSources.RevenuesQuery;
        settings[$"{source}:Mapping:Numerator"] = "numerator";
        settings[$"{source}:Mapping:Denominator"] = "denominator";
        settings[$"{source}:Mapping:Commentary"] = "commentary";
        settings[SampleSources.RevenuesConnectionSetting] = $"Data Source={systems.RevenuesDatabase};Pooling=False";
        using var host = FunctionsRig.Build(settings);
        await host.Services.ValidatePmfSettingsAsync();

        await FunctionsRig.Function<PullSources>(host).RunAsync(new TimerInfo(), CancellationToken.None);
        await FunctionsRig.Function<Sweep>(host).RunAsync(new TimerInfo(), CancellationToken.None);
        await FunctionsRig.Function<RefreshPowerBi>(host).RunAsync(new TimerInfo(), CancellationToken.None);

        // Loaded, or LoadedWithWarnings: the figures of the month in progress may be flagged.
        Assert.StartsWith("Loaded", await harness.Warehouse.ScalarAsync<string>($"SELECT outcome || COALESCE(': ' || message, '') FROM source_run WHERE source_name = '{SampleFramework.RevenuesSource}'"), StringComparison.Ordinal);
        Assert.True(await harness.Warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM fact_result") > 0, "the pull loaded the revenues system's figures");
        Assert.True(await harness.Warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM follow_up") > 0, "the sweep raises follow-ups for the returns that are late");
        Assert.NotEmpty(Directory.GetFiles(FunctionsRig.Outbox(folder), "*.eml"));
    }

    private async Task<IngestResult> RunAsync(Func<IngestHarness, Dictionary<string, string?>, Task> run)
    {
        await azurite.ResetAsync();
        await using var harness = await IngestHarness.CreateAsync();
        using var folder = new TempFolder();
        await run(harness, FunctionsRig.AppSettings(azurite.ConnectionString, harness.Warehouse.Options.ConnectionString, FunctionsRig.Outbox(folder)));
        var outbox = Directory.Exists(FunctionsRig.Outbox(folder)) ? Directory.GetFiles(FunctionsRig.Outbox(folder)).Length : 0;
        return new IngestResult(
            [.. await harness.QueryAsync<string>("SELECT verdict FROM submission ORDER BY submission_id")],
            await harness.Warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM fact_result"),
            [.. await NamesAsync(StorageContainers.Returns)],
            [.. (await NamesAsync(StorageContainers.Processed)).Select(n => Stamp().Replace(n, "/")).Order(StringComparer.Ordinal)],
            [.. (await NamesAsync(StorageContainers.Rejected)).Select(n => Stamp().Replace(n, "/")).Order(StringComparer.Ordinal)],
            outbox);
    }

    private async Task UploadAsync(string container, string name, byte[] bytes)
    {
        var client = azurite.CreateClient().GetBlobContainerClient(container);
        await client.CreateIfNotExistsAsync();
        await client.UploadBlobAsync(name, BinaryData.FromBytes(bytes));
    }

    private async Task<List<string>> NamesAsync(string container)
    {
        var client = azurite.CreateClient().GetBlobContainerClient(container);
        return await client.ExistsAsync() ? await client.GetBlobsAsync().Select(b => b.Name).ToListAsync() : [];
    }

    /// <summary>The instant a moved file is stamped with, which differs between two runs.</summary>
    [GeneratedRegex(@"/[^/_]+_")]
    private static partial Regex Stamp();

    private sealed record IngestResult(
        IReadOnlyList<string> Verdicts, long Results, IReadOnlyList<string> Returns, IReadOnlyList<string> Processed, IReadOnlyList<string> Rejected, int Mails)
    {
        public bool Equals(IngestResult? other) =>
            other is not null && Verdicts.SequenceEqual(other.Verdicts) && Results == other.Results && Returns.SequenceEqual(other.Returns)
            && Processed.SequenceEqual(other.Processed) && Rejected.SequenceEqual(other.Rejected) && Mails == other.Mails;

        public override int GetHashCode() => HashCode.Combine(Results, Mails);

        public override string ToString() =>
            $"verdicts [{string.Join(", ", Verdicts)}], {Results} results, returns [{string.Join(", ", Returns)}], processed [{string.Join(", ", Processed)}], rejected [{string.Join(", ", Rejected)}], {Mails} mails";
    }
}
