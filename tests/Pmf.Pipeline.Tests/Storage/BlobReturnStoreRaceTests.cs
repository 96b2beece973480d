using Azure.Core;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Time.Testing;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Tests.Servers;

namespace Pmf.Pipeline.Tests.Storage;

/// <summary>A sender drops a corrected file, or someone deletes the original, in the middle of a completion.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobReturnStoreRaceTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly ReturnPath Q1 = ReturnPath.Parse("HOU/q1.xlsx").Path!;
    private static readonly BinaryData Original = BinaryData.FromString("original");
    private static readonly BinaryData Corrected = BinaryData.FromString("corrected, longer");

    private readonly BlobServiceClient _sender = azurite.CreateClient();

    public async Task InitializeAsync()
    {
        await azurite.ResetAsync();
        var returns = _sender.GetBlobContainerClient(StorageContainers.Returns);
        await returns.CreateIfNotExistsAsync();
        await returns.GetBlobClient(Q1.Name).UploadAsync(Original);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_corrected_file_dropped_as_the_copy_starts_is_neither_moved_nor_deleted()
    {
        var race = new BeforeSendPolicy(IsCopy, () => DropAsync(Corrected));

        var completion = await CompleteAsync(race);

        Assert.True(race.Fired);
        Assert.Equal(CompletionStatus.Changed, completion.Status);
        Assert.Equal(Corrected.ToString(), await WaitingContentAsync());
        Assert.False(await _sender.GetBlobContainerClient(StorageContainers.Processed).GetBlobsAsync().AnyAsync());
    }

    [Fact]
    public async Task A_corrected_file_dropped_after_the_copy_survives_the_delete_of_the_original()
    {
        var race = new BeforeSendPolicy(IsDelete, () => DropAsync(Corrected));

        var completion = await CompleteAsync(race);

        Assert.True(race.Fired);
        Assert.Equal(CompletionStatus.Moved, completion.Status);
        Assert.Equal(Corrected.ToString(), await WaitingContentAsync());
        var moved = _sender.GetBlobContainerClient(completion.MovedTo!.Container).GetBlobClient(completion.MovedTo.Name);
        Assert.Equal(Original.ToString(), (await moved.DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task An_original_removed_as_the_copy_starts_is_reported_gone()
    {
        var race = new BeforeSendPolicy(IsCopy, () => _sender.GetBlobContainerClient(StorageContainers.Returns).DeleteBlobAsync(Q1.Name));

        var completion = await CompleteAsync(race);

        Assert.True(race.Fired);
        Assert.Equal(CompletionStatus.AlreadyGone, completion.Status);
    }

    private static bool IsCopy(HttpMessage message) => message.Request.Headers.Contains("x-ms-copy-source");

    private static bool IsDelete(HttpMessage message) => message.Request.Method == RequestMethod.Delete;

    private async Task<ReturnCompletion> CompleteAsync(BeforeSendPolicy race)
    {
        var options = new BlobClientOptions();
        options.AddPolicy(race, HttpPipelinePosition.PerCall);
        var store = new BlobReturnStore(new BlobServiceClient(azurite.ConnectionString, options), new FakeTimeProvider());
        var version = (await store.GetInfoAsync(Q1.Stored, CancellationToken.None))!.Version;
        return await store.CompleteAsync(Q1, version, ReturnDestination.Processed, "sub-1", "accepted", CancellationToken.None);
    }

    private Task DropAsync(BinaryData content) =>
        _sender.GetBlobContainerClient(StorageContainers.Returns).GetBlobClient(Q1.Name).UploadAsync(content, overwrite: true);

    private async Task<string> WaitingContentAsync() =>
        (await _sender.GetBlobContainerClient(StorageContainers.Returns).GetBlobClient(Q1.Name).DownloadContentAsync()).Value.Content.ToString();
}
