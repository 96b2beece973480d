using System.Text;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Tests.FollowUp;
using Pmf.Pipeline.Tests.Sources;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Jobs;

// One file the pipeline fails on must never stop the files queued behind it, and must itself end with
// a verdict, a report and a place out of returns/; a verdict committed by a run that was stopped
// before the file moved is finished by the next run, never relabelled as a duplicate of itself.
public sealed class IngestIsolationTests
{
    private static byte[] Csv(string indicator, int value) =>
        Encoding.UTF8.GetBytes($"Indicator,Period,Value\n{indicator},2026/27 Q1,{value}\n");

    [Fact]
    public async Task A_file_the_pipeline_fails_on_is_rejected_with_a_report_and_the_files_queued_behind_it_are_ingested()
    {
        await using var harness = await IngestHarness.CreateAsync((root, clock) => new FaultingReturnStore(new LocalFolderReturnStore(root, clock)));
        var logger = new CollectingLogger<IngestReturnJob>();
        var mail = new KeepingTransport();
        var job = new IngestReturnJob(harness.Warehouse.Database, harness.Store, harness.Clock, logger, mail: mail);
        await DropAsync(harness, "HOU/a crash.csv", Csv("ASH-HOU-01", 30));
        await DropAsync(harness, "HOU/b.csv", Csv("ASH-HOU-01", 31));
        await DropAsync(harness, "HOU/c.csv", Csv("ASH-HOU-04", 66));

        var outcomes = await job.RunWaitingAsync(null, CancellationToken.None);

        Assert.Equal(["HOU/a crash.csv", "HOU/b.csv", "HOU/c.csv"], outcomes.Select(o => o.Name));
        var crashed = outcomes[0];
        Assert.Equal(SubmissionVerdict.Rejected, crashed.Verdict);
        Assert.Contains("could not process this file because of an unexpected fault", crashed.Reason, StringComparison.Ordinal);
        Assert.Contains("send the file again once they tell you the fault is fixed", crashed.Reason, StringComparison.Ordinal);
        Assert.Equal(StorageContainers.Rejected, crashed.MovedTo!.Container);
        Assert.Contains(crashed.Reports, r => r.Name.EndsWith(".report.html", StringComparison.Ordinal));
        Assert.Equal("DQ004", Assert.Single(crashed.Issues).RuleId);
        Assert.Equal("OverflowException: Value was either too large or too small for a Decimal.", crashed.Fault);
        Assert.All(outcomes.Skip(1), o => Assert.NotEqual(SubmissionVerdict.Rejected, o.Verdict));
        Assert.All(outcomes.Skip(1), o => Assert.Equal(StorageContainers.Processed, o.MovedTo!.Container));
        Assert.Empty(await harness.Store.ListWaitingAsync(CancellationToken.None));

        // The sender is told, and the operator has the exception in the log.
        Assert.Contains(mail.Sent, m => m.Subject == "PMF return a crash.csv: Rejected" && m.TextBody?.Contains("unexpected fault", StringComparison.Ordinal) == true);
        Assert.Contains(logger.Entries, e => e.StartsWith("Error:", StringComparison.Ordinal)
            && e.Contains("HOU/a crash.csv", StringComparison.Ordinal) && e.Contains("System.OverflowException", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_value_the_gate_cannot_compute_with_gets_its_file_a_verdict_and_the_files_queued_behind_it_are_ingested()
    {
        await using var harness = await IngestHarness.CreateAsync();
        // 7.9e28 over 1, times a percentage's multiplier of 100, is beyond decimal: the gate's ratio check overflowed on it.
        await DropAsync(harness, "HOU/a.csv", Encoding.UTF8.GetBytes("Indicator,Period,Value,Numerator,Denominator\nASH-HOU-04,2026/27 Q1,,79000000000000000000000000000,1\n"));
        await DropAsync(harness, "HOU/b.csv", Csv("ASH-HOU-01", 30));

        var outcomes = await harness.Job.RunWaitingAsync(null, CancellationToken.None);

        Assert.Equal(["HOU/a.csv", "HOU/b.csv"], outcomes.Select(o => o.Name));
        Assert.Equal(SubmissionVerdict.Rejected, outcomes[0].Verdict);
        Assert.Equal(StorageContainers.Rejected, outcomes[0].MovedTo!.Container);
        Assert.Contains(outcomes[0].Reports, r => r.Name.EndsWith(".report.html", StringComparison.Ordinal));
        Assert.NotEqual(SubmissionVerdict.Rejected, outcomes[1].Verdict);
        Assert.Empty(await harness.Store.ListWaitingAsync(CancellationToken.None));
        Assert.Equal(2L, (await harness.QueryAsync<long>("SELECT COUNT(*) FROM sender_feedback")).Single());
    }

    [Fact]
    public async Task A_file_storage_fails_to_hand_over_stays_waiting_for_the_next_run_and_the_others_are_ingested()
    {
        await using var harness = await IngestHarness.CreateAsync((root, clock) => new FaultingReturnStore(new LocalFolderReturnStore(root, clock)));
        await DropAsync(harness, "HOU/a unreachable.csv", Csv("ASH-HOU-01", 30));
        await DropAsync(harness, "HOU/b.csv", Csv("ASH-HOU-04", 66));

        var outcomes = await harness.Job.RunWaitingAsync(null, CancellationToken.None);

        var left = outcomes[0];
        Assert.Null(left.MovedTo);
        Assert.Null(left.Load);
        Assert.Contains("left in returns/ for the next run", left.Reason, StringComparison.Ordinal);
        Assert.Contains("reset the connection", left.Reason, StringComparison.Ordinal);
        Assert.Equal(StorageContainers.Processed, outcomes[1].MovedTo!.Container);
        Assert.Equal(["HOU/a unreachable.csv"], (await harness.Store.ListWaitingAsync(CancellationToken.None)).Select(w => w.Name));
        Assert.Equal(1L, (await harness.QueryAsync<long>("SELECT COUNT(*) FROM submission")).Single());
    }

    [Fact]
    public async Task A_verdict_committed_by_a_run_stopped_before_the_move_is_finished_by_the_next_run_and_its_report_delivered()
    {
        await using var harness = await IngestHarness.CreateAsync((root, clock) => new FaultingReturnStore(new LocalFolderReturnStore(root, clock)));
        var store = (FaultingReturnStore)harness.Store;
        await DropAsync(harness, "HOU/q1.csv", Encoding.UTF8.GetBytes("Indicator,Period,Value\nASH-HOU-01,2026/27 Q1,30\nNOPE-1,2026/27 Q1,5\n"));
        store.StopAfterCommit = true;

        await Assert.ThrowsAsync<IOException>(() => harness.Job.RunAsync("HOU/q1.csv", CancellationToken.None));

        // Stopped: the verdict and the report it owes were committed together; the file is still waiting.
        var committed = Assert.Single(await harness.QueryAsync<(long Id, string Verdict)>("SELECT submission_id, verdict FROM submission"));
        Assert.Equal("AcceptedWithWarnings", committed.Verdict);
        Assert.Equal([committed.Id], await harness.QueryAsync<long>("SELECT submission_id FROM sender_feedback WHERE sent_at IS NULL"));
        Assert.Single(await harness.Store.ListWaitingAsync(CancellationToken.None));

        var mail = new KeepingTransport();
        var retry = new IngestReturnJob(harness.Warehouse.Database, harness.Store, harness.Clock, new CollectingLogger<IngestReturnJob>(), mail: mail);
        var outcome = Assert.Single(await retry.RunWaitingAsync(null, CancellationToken.None));

        Assert.Equal(SubmissionVerdict.AcceptedWithWarnings, outcome.Verdict);
        Assert.Equal(committed.Id, outcome.Load!.SubmissionId);
        Assert.Equal(StorageContainers.Processed, outcome.MovedTo!.Container);
        Assert.Single(await harness.QueryAsync<long>("SELECT submission_id FROM submission"));
        var message = Assert.Single(mail.Sent);
        Assert.Equal("PMF return q1.csv: Loaded, but 1 row rejected", message.Subject);
        Assert.Contains("NOPE-1", message.TextBody, StringComparison.Ordinal);
        Assert.Empty(await harness.QueryAsync<long>("SELECT submission_id FROM sender_feedback WHERE sent_at IS NULL"));
    }

    [Fact]
    public async Task The_same_bytes_dropped_again_after_the_first_finished_are_still_a_duplicate()
    {
        await using var harness = await IngestHarness.CreateAsync();
        var bytes = Csv("ASH-HOU-01", 30);
        var first = await harness.DropAndIngestAsync("HOU/q1.csv", bytes);

        var again = await harness.DropAndIngestAsync("HOU/q1.csv", bytes);

        Assert.Equal(SubmissionVerdict.Duplicate, again.Verdict);
        Assert.Equal(first.Load!.SubmissionId, again.Load!.DuplicateOfSubmissionId);
    }

    private static async Task DropAsync(IngestHarness harness, string name, byte[] bytes)
    {
        await harness.Store.DropAsync(ReturnPath.Parse(name).Path!, new MemoryStream(bytes), null, CancellationToken.None);
        // Arrivals a second apart, so the queue's order is the drop order.
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        var full = Path.Combine(((LocalFolderReturnStore)Inner(harness.Store)).Root, StorageContainers.Returns, name);
        File.SetLastWriteTimeUtc(full, harness.Clock.GetUtcNow().UtcDateTime);
    }

    private static IReturnStore Inner(IReturnStore store) =>
        store is FaultingReturnStore faulting ? faulting.Inner : store;
}
