using System.Text;
using Microsoft.Extensions.Time.Testing;
using Pmf.Pipeline.Storage;

namespace Pmf.Pipeline.Tests.Storage;

/// <summary>
/// What every <see cref="IReturnStore"/> must do. Each store's test class derives from this and
/// supplies the store and a way to drop a file the way a sender would, past the store.
/// </summary>
public abstract class ReturnStoreBehaviour : IAsyncLifetime
{
    protected static readonly DateTimeOffset CompletedAt = new(2025, 7, 14, 10, 15, 0, TimeSpan.Zero);

    protected FakeTimeProvider Time { get; } = new(CompletedAt);

    protected IReturnStore Store { get; private set; } = null!;

    public virtual async Task InitializeAsync() => Store = await CreateStoreAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Containers_are_created_on_first_use()
    {
        Assert.Empty(await Store.ListWaitingAsync(CancellationToken.None));

        foreach (var container in StorageContainers.All)
        {
            Assert.True(await ContainerExistsAsync(container), $"{container} was not created");
        }
    }

    [Fact]
    public async Task Listing_shows_every_waiting_file_with_its_size_and_received_time()
    {
        var before = TimeProvider.System.GetUtcNow().AddMinutes(-1);
        await DropAsync("HOU/q1.xlsx", Bytes(3));
        await DropAsync("FIN/q1 return.csv", Bytes(10));
        await DropAsync("stray.xlsx", Bytes(1));
        await DropAsync("HOU/sub/deep.xlsx", Bytes(2));

        var waiting = await Store.ListWaitingAsync(CancellationToken.None);

        Assert.Equal(
            ["FIN/q1 return.csv:10", "HOU/q1.xlsx:3", "HOU/sub/deep.xlsx:2", "stray.xlsx:1"],
            waiting.Select(f => $"{f.Name}:{f.Size}").Order(StringComparer.Ordinal));
        Assert.All(waiting, f => Assert.InRange(f.ReceivedAt, before, TimeProvider.System.GetUtcNow().AddMinutes(1)));
        Assert.All(waiting, f => Assert.False(string.IsNullOrEmpty(f.Version)));
    }

    [Fact]
    public async Task The_version_a_listing_gives_is_the_version_a_move_checks()
    {
        await DropAsync("HOU/q1.xlsx", Bytes(4));
        var path = Path("HOU/q1.xlsx");

        var listed = Assert.Single(await Store.ListWaitingAsync(CancellationToken.None));

        Assert.Equal((await Store.GetInfoAsync(path.Stored, CancellationToken.None))!.Version, listed.Version);
        var completion = await Store.CompleteAsync(path, listed.Version, ReturnDestination.Rejected, "sub-7", "rejected", CancellationToken.None);
        Assert.NotNull(completion.MovedTo);
    }

    [Fact]
    public async Task A_waiting_file_reads_back_byte_for_byte_and_reports_its_size()
    {
        var content = Bytes(200_000);
        await DropAsync("HOU/q1.xlsx", content);
        var path = Path("HOU/q1.xlsx");

        var info = await Store.GetInfoAsync(path.Stored, CancellationToken.None);

        Assert.NotNull(info);
        Assert.Equal(content.Length, info.Size);
        Assert.Equal(content, await ReadAllAsync(path.Stored));
    }

    [Fact]
    public async Task A_missing_file_has_no_info_and_cannot_be_opened()
    {
        var missing = Path("HOU/missing.xlsx").Stored;

        Assert.Null(await Store.GetInfoAsync(missing, CancellationToken.None));
        await Assert.ThrowsAsync<FileNotFoundException>(() => Store.OpenReadAsync(missing, CancellationToken.None));
    }

    [Theory]
    [InlineData(ReturnDestination.Processed, "processed/HOU/20250714T101500Z_q1.xlsx")]
    [InlineData(ReturnDestination.Rejected, "rejected/HOU/20250714T101500Z_q1.xlsx")]
    public async Task Completing_moves_the_file_intact_with_its_submission_and_verdict(ReturnDestination destination, string expected)
    {
        var content = Bytes(70_000);
        await DropAsync("HOU/q1.xlsx", content);
        var path = Path("HOU/q1.xlsx");
        var version = await VersionAsync(path);

        var completion = await Store.CompleteAsync(path, version, destination, "sub-0042", "accepted", CancellationToken.None);

        Assert.Equal(CompletionStatus.Moved, completion.Status);
        Assert.Equal(expected, completion.MovedTo?.ToString());
        Assert.Null(await Store.GetInfoAsync(path.Stored, CancellationToken.None));
        Assert.Empty(await Store.ListWaitingAsync(CancellationToken.None));
        var moved = await Store.GetInfoAsync(completion.MovedTo!, CancellationToken.None);
        Assert.NotNull(moved);
        Assert.Equal("sub-0042", moved.Metadata[StorageMetadata.SubmissionId]);
        Assert.Equal("accepted", moved.Metadata[StorageMetadata.Verdict]);
        Assert.Equal(content, await ReadAllAsync(completion.MovedTo!));
    }

    [Fact]
    public async Task A_report_is_written_beside_the_completed_file_and_can_be_replaced()
    {
        await DropAsync("HOU/q1.xlsx", Bytes(5));
        var path = Path("HOU/q1.xlsx");
        var completion = await Store.CompleteAsync(path, await VersionAsync(path), ReturnDestination.Processed, "sub-1", "accepted", CancellationToken.None);
        var report = completion.MovedTo!.Beside(".report.html");

        await Store.WriteArtefactAsync(report, BinaryData.FromString("<p>first</p>"), "text/html", CancellationToken.None);
        await Store.WriteArtefactAsync(report, BinaryData.FromString("<p>second</p>"), "text/html", CancellationToken.None);

        Assert.Equal("processed/HOU/20250714T101500Z_q1.xlsx.report.html", report.ToString());
        Assert.Equal("<p>second</p>", Encoding.UTF8.GetString(await ReadAllAsync(report)));
    }

    [Fact]
    public async Task Completing_a_file_that_is_already_gone_says_so_and_changes_nothing()
    {
        await DropAsync("HOU/q1.xlsx", Bytes(5));
        var path = Path("HOU/q1.xlsx");
        var version = await VersionAsync(path);
        var first = await Store.CompleteAsync(path, version, ReturnDestination.Processed, "sub-1", "accepted", CancellationToken.None);

        var second = await Store.CompleteAsync(path, version, ReturnDestination.Rejected, "sub-1", "rejected", CancellationToken.None);

        Assert.Equal(CompletionStatus.AlreadyGone, second.Status);
        Assert.Null(second.MovedTo);
        Assert.Contains("no longer there", second.Describe(), StringComparison.Ordinal);
        Assert.NotNull(await Store.GetInfoAsync(first.MovedTo!, CancellationToken.None));
        Assert.Null(await Store.GetInfoAsync(new StoredPath(StorageContainers.Rejected, "HOU/20250714T101500Z_q1.xlsx"), CancellationToken.None));
    }

    [Fact]
    public async Task A_newer_file_dropped_under_the_same_name_since_reading_stays_to_be_read()
    {
        await DropAsync("HOU/q1.xlsx", Bytes(5));
        var path = Path("HOU/q1.xlsx");
        var readVersion = await VersionAsync(path);
        var corrected = Bytes(6, seed: 9);
        await DropAsync("HOU/q1.xlsx", corrected);

        var completion = await Store.CompleteAsync(path, readVersion, ReturnDestination.Processed, "sub-1", "accepted", CancellationToken.None);

        Assert.Equal(CompletionStatus.Changed, completion.Status);
        Assert.Equal(corrected, await ReadAllAsync(path.Stored));
    }

    [Fact]
    public async Task The_same_file_name_completed_twice_in_one_second_keeps_both_copies()
    {
        var path = Path("HOU/q1.xlsx");
        await DropAsync("HOU/q1.xlsx", Bytes(5));
        var first = await Store.CompleteAsync(path, await VersionAsync(path), ReturnDestination.Processed, "sub-1", "accepted", CancellationToken.None);
        await DropAsync("HOU/q1.xlsx", Bytes(7, seed: 3));

        var second = await Store.CompleteAsync(path, await VersionAsync(path), ReturnDestination.Processed, "sub-2", "accepted", CancellationToken.None);

        Assert.Equal("processed/HOU/20250714T101500Z_q1.xlsx", first.MovedTo?.ToString());
        Assert.Equal("processed/HOU/20250714T101500Z-2_q1.xlsx", second.MovedTo?.ToString());
        Assert.Equal(Bytes(5), await ReadAllAsync(first.MovedTo!));
        Assert.Equal(Bytes(7, seed: 3), await ReadAllAsync(second.MovedTo!));
    }

    [Fact]
    public async Task A_file_of_a_type_we_do_not_read_can_still_be_moved_to_rejected()
    {
        await DropAsync("HOU/notes.exe", Bytes(4));
        var check = ReturnPath.Parse("HOU/notes.exe");
        Assert.NotNull(check.Problem);

        var completion = await Store.CompleteAsync(check.Path!, await VersionAsync(check.Path!), ReturnDestination.Rejected, "none", "rejected", CancellationToken.None);

        Assert.Equal("rejected/HOU/20250714T101500Z_notes.exe", completion.MovedTo?.ToString());
    }

    [Fact]
    public async Task Artefacts_are_refused_where_a_write_would_look_like_a_new_drop()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.WriteArtefactAsync(
            Path("HOU/report.csv").Stored, BinaryData.FromString("x"), "text/csv", CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.WriteArtefactAsync(
            new StoredPath(StorageContainers.Catalogue, "report.html"), BinaryData.FromString("x"), "text/html", CancellationToken.None));
    }

    [Fact]
    public async Task Metadata_that_cannot_travel_as_a_blob_header_is_refused_before_anything_moves()
    {
        await DropAsync("HOU/q1.xlsx", Bytes(5));
        var path = Path("HOU/q1.xlsx");

        await Assert.ThrowsAsync<ArgumentException>(() => Store.CompleteAsync(
            path, "any", ReturnDestination.Processed, "sub-1", "accepté\n", CancellationToken.None));
        Assert.NotNull(await Store.GetInfoAsync(path.Stored, CancellationToken.None));
    }

    /// <summary>A store over empty storage.</summary>
    protected abstract Task<IReturnStore> CreateStoreAsync();

    /// <summary>Puts a file into returns/ as a sender would, without going through the store.</summary>
    protected abstract Task DropAsync(string name, byte[] content);

    protected abstract Task<bool> ContainerExistsAsync(string container);

    protected static byte[] Bytes(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static ReturnPath Path(string name) => ReturnPath.Parse(name).Path!;

    private async Task<string> VersionAsync(ReturnPath path) =>
        (await Store.GetInfoAsync(path.Stored, CancellationToken.None))?.Version ?? throw new InvalidOperationException($"{path} is not waiting");

    private async Task<byte[]> ReadAllAsync(StoredPath path)
    {
        await using var stream = await Store.OpenReadAsync(path, CancellationToken.None);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
