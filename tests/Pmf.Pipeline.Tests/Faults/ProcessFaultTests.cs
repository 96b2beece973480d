using Xunit.Abstractions;

namespace Pmf.Pipeline.Tests.Faults;

/// <summary>
/// Issue 16, item 7 and the standing fault-injection test: real <c>pmf ingest</c> processes, run side by
/// side and killed at random points, never lose a file, never leave half a submission, never judge a
/// file twice, and every report owed goes after a restart. The longer soak is bench/soak.sh.
/// </summary>
[Collection(nameof(ProcessFaultTests))]
public sealed class ProcessFaultTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Several_ingest_processes_on_the_same_and_different_files_load_each_file_exactly_once()
    {
        await using var world = await ProcessWorld.CreateAsync();
        world.PutSampleReturns(copiesOfOne: 5);

        var children = Enumerable.Range(0, 4).Select(_ => world.Start("ingest")).ToList();
        var ends = await Task.WhenAll(children.Select(c => c.WaitAsync(Limit)));
        children.ForEach(c => c.Dispose());

        foreach (var (exit, text) in ends)
        {
            output.WriteLine($"exit {exit}: {text}");
            Assert.True(exit is 0 or 1, text);
            Assert.DoesNotContain("could not finish", text, StringComparison.Ordinal);
        }

        var integrity = await world.CheckAsync();
        Assert.Equal(0, integrity.StillWaiting);
        Assert.Empty(integrity.Lost);
        Assert.Equal(0, integrity.HalfSubmissions);
        Assert.Equal(0, integrity.ReportsNotOwed);
        Assert.Equal(world.Dropped.Count, integrity.Submissions);
        var verdicts = await world.QueryAsync<(string File, string Verdict, string? Reason)>("SELECT file_name, verdict, verdict_reason FROM submission ORDER BY submission_id");
        output.WriteLine(string.Join("\n", verdicts));
        Assert.Equal(world.Dropped.Count - 5, verdicts.Count(v => v.Verdict != "Duplicate"));
    }

    [Fact]
    public async Task Ingest_processes_killed_at_random_points_lose_nothing_and_every_report_goes_after_a_restart()
    {
        await using var world = await ProcessWorld.CreateAsync();
        world.PutSampleReturns(copiesOfOne: 2);
        world.Put("HOU/garbage.csv", GarbageGrowthTests.UnknownIndicators(20_000));
        var random = new Random(16);

        var kills = 0;
        for (var round = 0; round < 4; round++)
        {
            using var child = world.Start("ingest");
            await Task.Delay(random.Next(300, 2_500));
            child.Kill();
            kills++;
        }

        var (exit, text) = await FinishAsync(world.Start("ingest"));
        Assert.True(exit is 0 or 1, text);
        var (sweepExit, sweepText) = await FinishAsync(world.Start("sweep", "--outbox", Path.Combine(world.Root, "outbox")));
        Assert.True(sweepExit is 0 or 1, sweepText);

        var integrity = await world.CheckAsync();
        output.WriteLine($"kills {kills}: {integrity}");
        Assert.Equal(0, integrity.StillWaiting);
        Assert.Empty(integrity.Lost);
        Assert.Equal(0, integrity.HalfSubmissions);
        Assert.Equal(0, integrity.ReportsNotOwed);
        Assert.Equal(0, integrity.ReportsNotSent);
    }

    private static async Task<(int, string)> FinishAsync(PmfChild child)
    {
        using (child)
        {
            return await child.WaitAsync(Limit);
        }
    }
}
