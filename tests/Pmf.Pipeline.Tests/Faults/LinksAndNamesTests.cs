using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.Samples;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Tests.Jobs;
using Pmf.Pipeline.Tests.Support;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Faults;

/// <summary>Issue 16, items 4 and 10: links are never followed, and every odd name gets a verdict and a report.</summary>
public sealed class LinksAndNamesTests
{
    private static string Root(IngestHarness harness) => ((LocalFolderReturnStore)harness.Store).Root;

    private static string Returns(IngestHarness harness, string name = "")
    {
        Directory.CreateDirectory(Path.Combine(Root(harness), "returns"));
        return Path.Combine(Root(harness), "returns", name);
    }

    private static async Task<IReadOnlyList<IngestOutcome>> RunAsync(IngestHarness harness) =>
        await harness.Job.RunWaitingAsync(null, CancellationToken.None);

    [Fact]
    public async Task A_linked_csv_is_rejected_with_a_report_naming_it_left_in_place_and_never_read()
    {
        await using var harness = await IngestHarness.CreateAsync();
        using var outside = new TempFolder();
        var secret = outside.File("passwd.csv");
        await File.WriteAllTextAsync(secret, "Indicator,Period,Value\nASH-HOU-01,2026/27 Q1,30\n");
        Directory.CreateDirectory(Returns(harness, "HOU"));
        File.CreateSymbolicLink(Returns(harness, "HOU/passwd.csv"), secret);

        var outcome = Assert.Single(await RunAsync(harness));

        Assert.Equal(SubmissionVerdict.Rejected, outcome.Verdict);
        Assert.Contains("'HOU/passwd.csv' is a link", outcome.Reason, StringComparison.Ordinal);
        Assert.Null(outcome.MovedTo);
        Assert.NotNull(new FileInfo(Returns(harness, "HOU/passwd.csv")).LinkTarget);
        Assert.True(File.Exists(secret));
        Assert.Equal(0, (await harness.CountsAsync())["fact_result"]);
        var copied = Directory.GetFiles(Path.Combine(Root(harness), "rejected"), "*", SearchOption.AllDirectories);
        Assert.All(copied, f => Assert.Contains(".report.", f, StringComparison.Ordinal));
        Assert.Contains(copied, f => f.EndsWith(".report.html", StringComparison.Ordinal) && File.ReadAllText(f).Contains("is a link", StringComparison.Ordinal));
        Assert.Equal(1L, (await harness.QueryAsync<long>("SELECT COUNT(*) FROM sender_feedback"))[0]);

        Assert.Empty(await RunAsync(harness));
        Assert.Equal(1L, (await harness.QueryAsync<long>("SELECT COUNT(*) FROM submission"))[0]);
    }

    [Fact]
    public async Task A_linked_service_folder_is_not_entered_so_nothing_is_moved_or_deleted_through_it()
    {
        await using var harness = await IngestHarness.CreateAsync();
        using var outside = new TempFolder();
        var victim = outside.File("q1.xlsx");
        await File.WriteAllBytesAsync(victim, SampleReturnWriter.ToBytes(IngestHarness.CleanHousingReturn()));
        Directory.CreateSymbolicLink(Returns(harness, "HOU"), outside.Path);

        var outcome = Assert.Single(await RunAsync(harness));

        Assert.Equal("HOU", outcome.Name);
        Assert.Contains("is a link", outcome.Reason, StringComparison.Ordinal);
        Assert.True(File.Exists(victim));
        Assert.Equal(0, (await harness.CountsAsync())["fact_result"]);
    }

    [Theory]
    [InlineData("HOU/sub/q1.csv", "sub-folder", true)]
    [InlineData("HOU/a\\b.csv", "backslash", true)]
    [InlineData("HOU/line\nbreak.csv", "control character", true)]
    [InlineData("HOU/q1.csv.", "ends with a dot", true)]
    [InlineData("HOU/ q1.csv", "starts or ends with a space", true)]
    [InlineData("HOU/C:q1.csv", "contains ':'", true)]
    [InlineData("q1.csv", "is at the top of returns/, not in a service folder", true)]
    public async Task Every_unsafe_name_gets_a_verdict_a_report_and_leaves_returns(string name, string reason, bool moved)
    {
        await using var harness = await IngestHarness.CreateAsync();
        var full = Returns(harness, name);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllTextAsync(full, "Indicator,Period,Value\nASH-HOU-01,2026/27 Q1,30\n");

        var outcome = Assert.Single(await RunAsync(harness));

        Assert.Equal(SubmissionVerdict.Rejected, outcome.Verdict);
        Assert.Contains(reason, outcome.Reason, StringComparison.Ordinal);
        Assert.Equal(moved, outcome.MovedTo is not null);
        Assert.False(File.Exists(full), "the file stayed in returns/");
        Assert.Equal(StorageContainers.Rejected, outcome.MovedTo!.Container);
        Assert.True(File.Exists(Path.Combine(Root(harness), "rejected", outcome.MovedTo.Name)));
        Assert.Equal(3, outcome.Reports.Count);
        Assert.Equal(1L, (await harness.QueryAsync<long>("SELECT COUNT(*) FROM sender_feedback"))[0]);
        Assert.Empty(await RunAsync(harness));
    }

    [Fact]
    public async Task A_file_at_the_top_of_returns_is_told_the_place_is_wrong_even_when_its_name_is_odd()
    {
        await using var harness = await IngestHarness.CreateAsync();
        await File.WriteAllTextAsync(Returns(harness, "q1 .csv"), "x");

        var outcome = Assert.Single(await RunAsync(harness));

        Assert.Contains("returns/<service code>/<file>", outcome.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("space", outcome.Reason, StringComparison.Ordinal);
        Assert.StartsWith("rejected/_unsorted/", outcome.MovedTo!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_linked_sub_folder_gets_a_verdict_and_its_files_stay_where_they_are()
    {
        await using var harness = await IngestHarness.CreateAsync();
        using var outside = new TempFolder();
        await File.WriteAllTextAsync(outside.File("q1.csv"), "x");
        Directory.CreateDirectory(Returns(harness, "HOU"));
        Directory.CreateSymbolicLink(Returns(harness, "HOU/sub"), outside.Path);

        var outcome = Assert.Single(await RunAsync(harness));

        Assert.Equal("HOU/sub", outcome.Name);
        Assert.Contains("is a link", outcome.Reason, StringComparison.Ordinal);
        Assert.True(File.Exists(outside.File("q1.csv")));
        Assert.Equal(3, outcome.Reports.Count);
    }

    [Fact]
    public async Task A_legal_253_character_name_is_dropped_and_ingested()
    {
        await using var harness = await IngestHarness.CreateAsync();
        var file = IngestHarness.CleanHousingReturn();
        var name = "HOU/" + new string('q', 253 - ".xlsx".Length) + ".xlsx";

        var outcome = await harness.DropAndIngestAsync(name, SampleReturnWriter.ToBytes(file));

        Assert.True(outcome.Verdict is SubmissionVerdict.Accepted or SubmissionVerdict.AcceptedWithWarnings, outcome.Reason);
        Assert.Equal(StorageContainers.Processed, outcome.MovedTo!.Container);
    }

    [Fact]
    public async Task Half_written_files_and_work_copies_left_by_a_kill_are_deleted_on_the_next_start()
    {
        await using var harness = await IngestHarness.CreateAsync();
        Directory.CreateDirectory(WorkCopies.Folder);
        var copy = Path.Combine(WorkCopies.Folder, Guid.NewGuid().ToString("N") + ".xlsx");
        await File.WriteAllTextAsync(copy, "left by a kill");
        var live = WorkCopies.Create(".csv");
        var root = Root(harness);
        var partials = new[] { Path.Combine(root, ".incoming", "x.partial"), Path.Combine(root, "processed", "HOU", "20261123T090000Z_q1.xlsx.partial") };
        foreach (var partial in partials)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(partial)!);
            await File.WriteAllTextAsync(partial, "half");
            File.SetLastWriteTimeUtc(partial, DateTime.UnixEpoch);
        }

        await new LocalFolderReturnStore(root, harness.Clock).ListWaitingAsync(CancellationToken.None);
        await RunAsync(harness);

        Assert.False(File.Exists(copy));
        Assert.True(File.Exists(live.Name), "a copy still in use was deleted");
        Assert.All(partials, p => Assert.False(File.Exists(p), p));
        await live.DisposeAsync();
        Assert.False(File.Exists(live.Name));
    }

    [Fact]
    public async Task A_move_that_failed_for_a_full_disk_is_finished_on_retry_without_another_submission()
    {
        await using var harness = await IngestHarness.CreateAsync((root, clock) => new FullDiskOnce(new LocalFolderReturnStore(root, clock)));
        var file = IngestHarness.CleanHousingReturn();
        var path = ReturnPath.Parse(file.ReturnPath).Path!;
        await harness.Store.DropAsync(path, new MemoryStream(SampleReturnWriter.ToBytes(file)), null, CancellationToken.None);

        await Assert.ThrowsAsync<IOException>(() => harness.Job.RunAsync(file.ReturnPath, CancellationToken.None));
        var again = await harness.Job.RunAsync(file.ReturnPath, CancellationToken.None);
        var third = await RunAsync(harness);

        Assert.True(again.Verdict is SubmissionVerdict.Accepted or SubmissionVerdict.AcceptedWithWarnings, again.Reason);
        Assert.Equal(StorageContainers.Processed, again.MovedTo!.Container);
        Assert.Empty(third);
        Assert.Equal(1L, (await harness.QueryAsync<long>("SELECT COUNT(*) FROM submission"))[0]);
        Assert.Equal(1L, (await harness.QueryAsync<long>("SELECT COUNT(*) FROM sender_feedback"))[0]);
        Assert.Empty(Directory.GetFiles(Path.Combine(((LocalFolderReturnStore)((FullDiskOnce)harness.Store).Inner).Root, "processed"), "*.partial", SearchOption.AllDirectories));
    }

    /// <summary>The local store, whose first completion fails as a full disk does.</summary>
    private sealed class FullDiskOnce(IReturnStore inner) : IReturnStore
    {
        private bool _failed;

        public IReturnStore Inner => inner;

        public Task<IReadOnlyList<WaitingFile>> ListWaitingAsync(CancellationToken cancellationToken) => inner.ListWaitingAsync(cancellationToken);

        public Task DropAsync(ReturnPath path, Stream content, string? sender, CancellationToken cancellationToken) => inner.DropAsync(path, content, sender, cancellationToken);

        public Task<StoredFileInfo?> GetInfoAsync(StoredPath path, CancellationToken cancellationToken) => inner.GetInfoAsync(path, cancellationToken);

        public Task<Stream> OpenReadAsync(StoredPath path, CancellationToken cancellationToken) => inner.OpenReadAsync(path, cancellationToken);

        public Task WriteArtefactAsync(StoredPath path, BinaryData content, string contentType, CancellationToken cancellationToken) =>
            inner.WriteArtefactAsync(path, content, contentType, cancellationToken);

        public Task<ReturnCompletion> CompleteAsync(ReturnPath path, string version, ReturnDestination destination, string submissionId, string verdict, CancellationToken cancellationToken)
        {
            if (!_failed)
            {
                _failed = true;
                throw new IOException("No space left on device");
            }

            return inner.CompleteAsync(path, version, destination, submissionId, verdict, cancellationToken);
        }
    }
}
