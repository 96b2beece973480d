using Azure.Storage.Blobs;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Tests.Servers;

namespace Pmf.Pipeline.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class BlobReturnStoreTests(AzuriteFixture azurite) : ReturnStoreBehaviour
{
    private readonly BlobServiceClient _client = azurite.CreateClient();

    public override async Task InitializeAsync()
    {
        await azurite.ResetAsync();
        await base.InitializeAsync();
    }

    [Fact]
    public async Task Metadata_the_sender_set_is_kept_beside_ours()
    {
        await DropAsync("HOU/q1.xlsx", Bytes(5));
        var returns = _client.GetBlobContainerClient(StorageContainers.Returns).GetBlobClient("HOU/q1.xlsx");
        await returns.SetMetadataAsync(new Dictionary<string, string> { ["uploaded_by"] = "jo.bloggs", ["verdict"] = "theirs" });
        var path = ReturnPath.Parse("HOU/q1.xlsx").Path!;
        var info = await Store.GetInfoAsync(path.Stored, CancellationToken.None);

        var completion = await Store.CompleteAsync(path, info!.Version, ReturnDestination.Processed, "sub-1", "accepted", CancellationToken.None);

        var moved = await Store.GetInfoAsync(completion.MovedTo!, CancellationToken.None);
        Assert.Equal("jo.bloggs", moved!.Metadata["uploaded_by"]);
        Assert.Equal("accepted", moved.Metadata[StorageMetadata.Verdict]);
    }

    [Fact]
    public async Task A_report_gets_the_content_type_it_was_written_with()
    {
        var report = new StoredPath(StorageContainers.Rejected, "HOU/x.xlsx.reason.txt");

        await Store.WriteArtefactAsync(report, BinaryData.FromString("not a workbook"), "text/plain; charset=utf-8", CancellationToken.None);

        var properties = await _client.GetBlobContainerClient(report.Container).GetBlobClient(report.Name).GetPropertiesAsync();
        Assert.Equal("text/plain; charset=utf-8", properties.Value.ContentType);
    }

    protected override Task<IReturnStore> CreateStoreAsync() =>
        Task.FromResult<IReturnStore>(new BlobReturnStore(_client, Time));

    protected override async Task DropAsync(string name, byte[] content)
    {
        var returns = _client.GetBlobContainerClient(StorageContainers.Returns);
        await returns.CreateIfNotExistsAsync();
        await returns.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(content), overwrite: true);
    }

    protected override async Task<bool> ContainerExistsAsync(string container) =>
        await _client.GetBlobContainerClient(container).ExistsAsync();
}
