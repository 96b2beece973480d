using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pmf.Cli.Serve;
using Pmf.Pipeline.Samples;
using Pmf.Pipeline.Tests.Jobs;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Tests.Servers;
using Xunit.Abstractions;

namespace Pmf.Pipeline.Tests.Hosting;

/// <summary><c>pmf serve</c>'s host against real blob storage (Azurite) and a real SQLite warehouse, on the real clock.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ServeAgainstAzuriteTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_return_dropped_in_the_container_is_in_the_warehouse_within_seconds()
    {
        await using var serve = await ServeRig.CreateAsync(azurite);
        using var host = serve.Build();
        await host.StartAsync();

        var file = IngestHarness.CleanHousingReturn();
        await serve.DropAsync(file.ReturnPath, SampleReturnWriter.ToBytes(file));
        var took = await Eventually.WithinAsync(Limit, async () => await serve.SubmissionsAsync() == 1 && (await serve.NamesAsync(StorageContainers.Returns)).Count == 0, "the return is loaded and moved out of returns/");
        await host.StopAsync();

        output.WriteLine($"Dropped to loaded and moved in {took.TotalMilliseconds:0} ms (poll 0.2 s, settle 0.5 s)");
        Assert.True(took < TimeSpan.FromSeconds(10), $"took {took}");
        Assert.Single(await serve.NamesAsync(StorageContainers.Processed), n => n.EndsWith("_HOU 2026-27 Q1 return.xlsx", StringComparison.Ordinal));
        Assert.True(await serve.Harness.Warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM fact_result") > 0);
    }

    [Fact]
    public async Task A_file_that_always_fails_ends_in_rejected_after_the_set_number_of_tries_with_its_reason()
    {
        await using var serve = await ServeRig.CreateAsync(azurite);
        using var host = serve.Build();
        await host.StartAsync();

        await serve.DropAsync("HOU/poison q2.xlsx", SampleReturnWriter.ToBytes(IngestHarness.CleanHousingReturn()));
        await Eventually.WithinAsync(Limit, async () => (await serve.NamesAsync(StorageContainers.Rejected)).Any(n => n.EndsWith(ReturnWatcher.ReasonSuffix, StringComparison.Ordinal)), "the file is set aside with its reason");
        await host.StopAsync();

        Assert.Equal(ServeRig.MaxAttempts, serve.Store.PoisonReads);
        Assert.Empty(await serve.NamesAsync(StorageContainers.Returns));
        var rejected = await serve.NamesAsync(StorageContainers.Rejected);
        var moved = Assert.Single(rejected, n => n.EndsWith("_poison q2.xlsx", StringComparison.Ordinal));
        Assert.StartsWith("HOU/", moved, StringComparison.Ordinal);
        var reason = await serve.ReadAsync(StorageContainers.Rejected, moved + ReturnWatcher.ReasonSuffix);
        Assert.Contains($"after {ServeRig.MaxAttempts} tries", reason, StringComparison.Ordinal);
        Assert.Contains("The storage service reset the connection", reason, StringComparison.Ordinal);
        var metadata = (await serve.Client.GetBlobContainerClient(StorageContainers.Rejected).GetBlobClient(moved).GetPropertiesAsync()).Value.Metadata;
        Assert.Equal(ReturnWatcher.GivenUpVerdict, metadata[StorageMetadata.Verdict]);
        Assert.Equal(0, await serve.SubmissionsAsync());
    }

    [Theory]
    [InlineData("HOU/stall-read q2.xlsx", 0)]
    [InlineData("HOU/stall-complete q2.xlsx", 1)]
    public async Task Stopping_the_host_mid_ingest_leaves_the_warehouse_consistent_and_the_file_is_processed_on_the_next_start(string name, int submissionsAtStop)
    {
        await using var serve = await ServeRig.CreateAsync(azurite);
        var bytes = SampleReturnWriter.ToBytes(IngestHarness.CleanHousingReturn());
        using (var first = serve.Build())
        {
            await first.StartAsync();
            await serve.DropAsync(name, bytes);
            await serve.Store.Stalled.Task.WaitAsync(Limit);
            await first.StopAsync();
        }

        // Stopped before reading: nothing recorded. Stopped after the transaction committed but before
        // the move: the whole submission, and nothing half-written.
        Assert.Equal(submissionsAtStop, await serve.SubmissionsAsync());
        Assert.Equal([name], await serve.NamesAsync(StorageContainers.Returns));
        var resultsAtStop = await serve.Harness.Warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM fact_result");
        Assert.Equal(submissionsAtStop == 0, resultsAtStop == 0);

        // The next start reads the file again with a store that no longer stalls.
        using var second = serve.Build(serve.Plain);
        await second.StartAsync();
        await Eventually.WithinAsync(Limit, async () => (await serve.NamesAsync(StorageContainers.Returns)).Count == 0, "the file is processed on the next start");
        await second.StopAsync();

        Assert.Single(await serve.NamesAsync(StorageContainers.Processed), n => n.EndsWith(name[4..], StringComparison.Ordinal));
        var verdicts = await serve.Harness.QueryAsync<string>("SELECT verdict FROM submission ORDER BY submission_id");
        output.WriteLine(string.Join(", ", verdicts));
        // Stopped after the commit: the next start finishes that submission (one verdict, never a
        // duplicate of itself) and adds no second set of results; its report is owed either way.
        Assert.Equal(["Accepted"], verdicts);
        Assert.Equal(1, await serve.Harness.Warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM sender_feedback"));
        if (submissionsAtStop == 0)
        {
            Assert.True(await serve.Harness.Warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM fact_result") > 0);
        }
        else
        {
            Assert.Equal(resultsAtStop, await serve.Harness.Warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM fact_result"));
        }
    }

    [Fact]
    public async Task A_second_serve_on_the_same_warehouse_refuses_to_start_and_says_why()
    {
        await using var serve = await ServeRig.CreateAsync(azurite);
        using var first = serve.Build();
        await first.StartAsync();
        using var second = serve.Build();

        var refused = await Assert.ThrowsAsync<ConfigurationProblemException>(() => second.StartAsync());
        await first.StopAsync();

        Assert.Contains("Another pmf serve is already running", refused.Message, StringComparison.Ordinal);
        using var third = serve.Build();
        await third.StartAsync();
        await third.StopAsync();
    }

    /// <summary>A warehouse holding the sample catalogue, an empty Azurite account, and a host builder over both.</summary>
    private sealed class ServeRig : IAsyncDisposable
    {
        public const int MaxAttempts = 3;

        private ServeRig(IngestHarness harness, BlobServiceClient client, string connectionString)
        {
            Harness = harness;
            Client = client;
            Plain = new BlobReturnStore(client, TimeProvider.System);
            Store = new ScriptedReturnStore(Plain);
            Configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Pmf:Warehouse:Provider"] = "sqlite",
                ["Pmf:Warehouse:ConnectionString"] = harness.Warehouse.Options.ConnectionString,
                ["Pmf:Storage:Kind"] = "blob",
                ["Pmf:Storage:ConnectionString"] = connectionString,
                ["Pmf:Web:Listen"] = "http://127.0.0.1:0",
                ["Pmf:Serve:PollSeconds"] = "0.2",
                ["Pmf:Serve:SettleSeconds"] = "0.5",
                ["Pmf:Serve:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }).Build();
        }

        public IngestHarness Harness { get; }

        public BlobServiceClient Client { get; }

        public IReturnStore Plain { get; }

        public ScriptedReturnStore Store { get; }

        public IConfiguration Configuration { get; }

        public static async Task<ServeRig> CreateAsync(AzuriteFixture azurite)
        {
            await azurite.ResetAsync();
            return new ServeRig(await IngestHarness.CreateAsync(), azurite.CreateClient(), azurite.ConnectionString);
        }

        public IHost Build(IReturnStore? store = null) =>
            ServeHost.Build(Configuration, TimeProvider.System, store ?? Store, logging => logging.ClearProviders());

        public Task DropAsync(string name, byte[] bytes) =>
            Plain.DropAsync(ReturnPath.Parse(name).Path!, new MemoryStream(bytes), null, CancellationToken.None);

        public async Task<List<string>> NamesAsync(string container)
        {
            var client = Client.GetBlobContainerClient(container);
            if (!await client.ExistsAsync())
            {
                return [];
            }

            return await client.GetBlobsAsync().Select(b => b.Name).ToListAsync();
        }

        public Task<long> SubmissionsAsync() => Harness.Warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM submission");

        public async Task<string> ReadAsync(string container, string name) =>
            (await Client.GetBlobContainerClient(container).GetBlobClient(name).DownloadContentAsync()).Value.Content.ToString();

        public ValueTask DisposeAsync() => Harness.DisposeAsync();
    }
}
