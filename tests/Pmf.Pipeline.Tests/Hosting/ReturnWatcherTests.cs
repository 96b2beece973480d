using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Pmf.Cli.Serve;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Tests.Support;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Hosting;

/// <summary>The watcher's rules on a local folder store, with a scripted ingest standing in for the job.</summary>
public sealed class ReturnWatcherTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UnixEpoch);
    private readonly LocalFolderReturnStore _store;
    private readonly List<string> _ingested = [];

    public ReturnWatcherTests()
    {
        _store = new LocalFolderReturnStore(_folder.Path, _clock);
    }

    [Fact]
    public async Task A_file_still_settling_waits_for_a_later_look()
    {
        var dropped = await DropAsync("HOU/q2.csv");
        var watcher = Watcher((name, _) => Ok(name));
        _clock.SetUtcNow(dropped.AddSeconds(2));

        Assert.Equal(0, await watcher.PollOnceAsync(CancellationToken.None));

        _clock.SetUtcNow(dropped.AddSeconds(6));
        Assert.Equal(1, await watcher.PollOnceAsync(CancellationToken.None));
        Assert.Equal(["HOU/q2.csv"], _ingested);
    }

    [Fact]
    public async Task A_file_that_keeps_failing_is_tried_the_set_number_of_times_then_moved_to_rejected_with_the_reason()
    {
        var dropped = await DropAsync("HOU/q2.csv");
        _clock.SetUtcNow(dropped.AddMinutes(1));
        var tries = 0;
        var watcher = Watcher((_, _) =>
        {
            tries++;
            throw new InvalidDataException("The warehouse refused the row.");
        });

        Assert.Equal(0, await watcher.PollOnceAsync(CancellationToken.None));
        Assert.Equal(0, await watcher.PollOnceAsync(CancellationToken.None));
        Assert.Equal(1, await watcher.PollOnceAsync(CancellationToken.None));

        Assert.Equal(3, tries);
        Assert.Empty(await _store.ListWaitingAsync(CancellationToken.None));
        var rejected = Directory.GetFiles(Path.Combine(_folder.Path, StorageContainers.Rejected, "HOU"));
        var reason = File.ReadAllText(Assert.Single(rejected, f => f.EndsWith(ReturnWatcher.ReasonSuffix, StringComparison.Ordinal)));
        Assert.Contains("after 3 tries", reason, StringComparison.Ordinal);
        Assert.Contains("InvalidDataException: The warehouse refused the row.", reason, StringComparison.Ordinal);
        Assert.Single(rejected, f => f.EndsWith("_q2.csv", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failure_followed_by_success_starts_the_count_again()
    {
        var dropped = await DropAsync("HOU/q2.csv");
        _clock.SetUtcNow(dropped.AddMinutes(1));
        var calls = 0;
        var watcher = Watcher((name, _) => ++calls == 2 ? Ok(name) : throw new IOException("blip"));

        await watcher.PollOnceAsync(CancellationToken.None);
        await watcher.PollOnceAsync(CancellationToken.None);

        Assert.Equal(["HOU/q2.csv"], _ingested);
        Assert.Empty(Directory.GetFiles(Path.Combine(_folder.Path, StorageContainers.Rejected), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_file_the_job_leaves_in_place_is_not_read_again_until_it_changes()
    {
        var dropped = await DropAsync("HOU/q2.csv");
        _clock.SetUtcNow(dropped.AddMinutes(1));
        var calls = 0;
        var watcher = Watcher((name, _) =>
        {
            calls++;
            return Task.FromResult(new IngestOutcome(name, SubmissionVerdict.Rejected, "unsafe", null, null, [], []));
        });

        await watcher.PollOnceAsync(CancellationToken.None);
        await watcher.PollOnceAsync(CancellationToken.None);
        Assert.Equal(1, calls);

        var changed = await DropAsync("HOU/q2.csv", "a,b\n1,2\n");
        _clock.SetUtcNow(changed.AddMinutes(1));
        await watcher.PollOnceAsync(CancellationToken.None);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Cancelling_mid_ingest_is_not_counted_as_a_failure_and_the_file_stays()
    {
        var dropped = await DropAsync("HOU/q2.csv");
        _clock.SetUtcNow(dropped.AddMinutes(1));
        using var stop = new CancellationTokenSource();
        var watcher = Watcher(async (_, ct) =>
        {
            await stop.CancelAsync();
            ct.ThrowIfCancellationRequested();
            throw new InvalidOperationException("unreachable");
        }, maxAttempts: 1);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watcher.PollOnceAsync(stop.Token));

        Assert.Single(await _store.ListWaitingAsync(CancellationToken.None));
    }

    public void Dispose() => _folder.Dispose();

    private ReturnWatcher Watcher(Func<string, CancellationToken, Task<IngestOutcome>> ingest, int maxAttempts = 3) =>
        new(_store, ingest, new ServeOptions { MaxAttempts = maxAttempts, SettleSeconds = 5 }, _clock, NullLogger<ReturnWatcher>.Instance);

    private Task<IngestOutcome> Ok(string name)
    {
        _ingested.Add(name);
        var moved = new StoredPath(StorageContainers.Processed, name);
        return Task.FromResult(new IngestOutcome(name, SubmissionVerdict.Accepted, null, null, moved, [], []));
    }

    private async Task<DateTimeOffset> DropAsync(string name, string content = "a\n1\n")
    {
        await _store.DropAsync(ReturnPath.Parse(name).Path!, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)), null, CancellationToken.None);
        return (await _store.ListWaitingAsync(CancellationToken.None)).Single(f => f.Name == name).ReceivedAt;
    }
}
