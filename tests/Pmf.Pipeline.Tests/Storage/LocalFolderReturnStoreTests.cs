using Pmf.Pipeline.Storage;

namespace Pmf.Pipeline.Tests.Storage;

public sealed class LocalFolderReturnStoreTests : ReturnStoreBehaviour
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("pmf-storage-");

    public override Task DisposeAsync()
    {
        _root.Delete(recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Metadata_lives_in_a_json_sidecar_beside_the_moved_file()
    {
        await DropAsync("HOU/q1.xlsx", Bytes(5));
        var path = ReturnPath.Parse("HOU/q1.xlsx").Path!;
        var info = await Store.GetInfoAsync(path.Stored, CancellationToken.None);

        var completion = await Store.CompleteAsync(path, info!.Version, ReturnDestination.Processed, "sub-1", "accepted", CancellationToken.None);

        var sidecar = System.IO.Path.Combine(Root, "processed", "HOU", "20250714T101500Z_q1.xlsx.meta.json");
        Assert.Equal(CompletionStatus.Moved, completion.Status);
        Assert.Contains("\"submission_id\": \"sub-1\"", await File.ReadAllTextAsync(sidecar), StringComparison.Ordinal);
        Assert.False(File.Exists(System.IO.Path.Combine(Root, "returns", "HOU", "q1.xlsx")));
    }

    private string Root => ((LocalFolderReturnStore)Store).Root;

    protected override Task<IReturnStore> CreateStoreAsync() =>
        Task.FromResult<IReturnStore>(new LocalFolderReturnStore(System.IO.Path.Combine(_root.FullName, "store"), Time));

    protected override async Task DropAsync(string name, byte[] content)
    {
        var file = System.IO.Path.Combine(Root, "returns", name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        await File.WriteAllBytesAsync(file, content);
    }

    protected override Task<bool> ContainerExistsAsync(string container) =>
        Task.FromResult(Directory.Exists(System.IO.Path.Combine(Root, container)));
}
