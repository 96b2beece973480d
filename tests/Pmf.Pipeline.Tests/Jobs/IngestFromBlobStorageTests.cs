using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Tests.Servers;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Jobs;

/// <summary>The whole ingest path against real Azure Storage (Azurite on 127.0.0.1).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class IngestFromBlobStorageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_return_dropped_in_blob_storage_is_loaded_and_moved_with_its_verdict_in_metadata()
    {
        await azurite.ResetAsync();
        var client = azurite.CreateClient();
        await using var harness = await IngestHarness.CreateAsync((_, clock) => new BlobReturnStore(client, clock));
        var file = IngestHarness.CleanHousingReturn();
        var path = ReturnPath.Parse(file.ReturnPath).Path!;
        await harness.Store.DropAsync(path, new MemoryStream(Pipeline.Samples.SampleReturnWriter.ToBytes(file)), "jo.bloggs@ashbyvale-brookmere.gov.uk", CancellationToken.None);

        var outcome = await harness.Job.RunAsync(file.ReturnPath, CancellationToken.None);

        Assert.NotEqual(SubmissionVerdict.Rejected, outcome.Verdict);
        Assert.False(await client.GetBlobContainerClient(StorageContainers.Returns).GetBlobClient(path.Name).ExistsAsync());
        var moved = client.GetBlobContainerClient(StorageContainers.Processed).GetBlobClient(outcome.MovedTo!.Name);
        var properties = await moved.GetPropertiesAsync();
        Assert.Equal(outcome.Load!.SubmissionId.ToString(System.Globalization.CultureInfo.InvariantCulture), properties.Value.Metadata[StorageMetadata.SubmissionId]);
        Assert.Equal(outcome.Verdict.ToString(), properties.Value.Metadata[StorageMetadata.Verdict]);
        Assert.True(await client.GetBlobContainerClient(StorageContainers.Processed).GetBlobClient(outcome.MovedTo.Name + ".report.html").ExistsAsync());
        var senders = await harness.QueryAsync<string>("SELECT sender FROM submission");
        Assert.Equal(["jo.bloggs@ashbyvale-brookmere.gov.uk"], senders);
    }

    [Fact]
    public async Task An_unsafe_blob_name_is_never_followed_gets_one_verdict_and_report_and_the_blob_stays_for_an_operator()
    {
        await azurite.ResetAsync();
        var client = azurite.CreateClient();
        await using var harness = await IngestHarness.CreateAsync((_, clock) => new BlobReturnStore(client, clock));
        var container = client.GetBlobContainerClient(StorageContainers.Returns);
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient("HOU/sub/../../x.xlsx").UploadAsync(BinaryData.FromString("x"));

        var outcomes = await harness.Job.RunWaitingAsync(null, CancellationToken.None);

        var outcome = Assert.Single(outcomes);
        Assert.Equal(SubmissionVerdict.Rejected, outcome.Verdict);
        Assert.Null(outcome.MovedTo);
        Assert.Equal(3, outcome.Reports.Count);
        // The SDK resolves the ../ in the URL, so the blob lands at the top of returns/ as x.xlsx.
        Assert.All(outcome.Reports, r => Assert.StartsWith("rejected/_unsorted/", r.ToString(), StringComparison.Ordinal));
        Assert.Equal(1L, (await harness.CountsAsync())["submission"]);
        Assert.Empty(await harness.Job.RunWaitingAsync(null, CancellationToken.None));
        Assert.Equal(1L, (await harness.CountsAsync())["submission"]);
    }
}
