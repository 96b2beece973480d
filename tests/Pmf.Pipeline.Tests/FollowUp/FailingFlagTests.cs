using Pmf.Pipeline.FollowUp;
using Pmf.Pipeline.Samples;

namespace Pmf.Pipeline.Tests.FollowUp;

public sealed class FailingFlagTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    [Fact]
    public async Task Red_two_periods_running_without_remedial_action_is_flagged_and_supplying_one_resolves_it()
    {
        await using var harness = await SweepHarness.CreateAsync();
        await harness.Ingest.DropAndIngestAsync(Csv("q1.csv", new SampleReturnLine("ASH-HOU-01", "2026/27 Q1", 5, Commentary: "Slipped.")));
        await harness.Ingest.DropAndIngestAsync(Csv("q2.csv", new SampleReturnLine("ASH-HOU-01", "2026/27 Q2", 6, Commentary: "Still slipping.")));

        await harness.SweepAsync(Monday);
        var flagged = await harness.FollowUpAsync(FollowUpKind.RedWithoutAction, "ASH-HOU-01", "2026/27 Q2");
        await harness.Ingest.DropAndIngestAsync(Csv("q2-action.csv",
            new SampleReturnLine("ASH-HOU-01", "2026/27 Q2", 6, Commentary: "Still slipping.", RemedialAction: "Two new sites from January.")));
        await harness.SweepAsync(Monday.AddDays(1));

        Assert.NotNull(flagged);
        Assert.Equal(FollowUpStatus.Resolved, (await harness.FollowUpAsync(FollowUpKind.RedWithoutAction, "ASH-HOU-01", "2026/27 Q2"))!.Status);
        Assert.Equal(FollowUpStatus.Open, (await harness.FollowUpAsync(FollowUpKind.Red, "ASH-HOU-01", "2026/27 Q2"))!.Status);
    }

    [Fact]
    public async Task A_result_with_no_target_for_its_period_is_flagged()
    {
        await using var harness = await SweepHarness.CreateAsync();
        await using (var connection = await harness.Ingest.Warehouse.OpenAsync())
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, "DELETE FROM fact_target WHERE indicator_code = 'ASH-HOU-01'");
        }

        await harness.Ingest.DropAndIngestAsync(Csv("q2.csv", new SampleReturnLine("ASH-HOU-01", "2026/27 Q2", 31)));
        await harness.SweepAsync(Monday);

        Assert.NotNull(await harness.FollowUpAsync(FollowUpKind.NoTarget, "ASH-HOU-01", "2026/27 Q2"));
        Assert.Null(await harness.FollowUpAsync(FollowUpKind.NoTarget, "ASH-HOU-04", "2026/27 Q2"));
    }

    [Fact]
    public async Task A_condition_the_sweep_resolved_that_comes_back_reopens_the_same_follow_up()
    {
        await using var harness = await SweepHarness.CreateAsync();
        await harness.Ingest.DropAndIngestAsync(Csv("red.csv", new SampleReturnLine("ASH-HOU-01", "2026/27 Q2", 5, Commentary: "Slipped.")));
        await harness.SweepAsync(Monday);
        await harness.Ingest.DropAndIngestAsync(Csv("green.csv", new SampleReturnLine("ASH-HOU-01", "2026/27 Q2", 40)));
        await harness.SweepAsync(Monday.AddDays(1));
        await harness.Ingest.DropAndIngestAsync(Csv("red-again.csv", new SampleReturnLine("ASH-HOU-01", "2026/27 Q2", 4, Commentary: "Recount.")));

        var outcome = await harness.SweepAsync(Monday.AddDays(2));

        Assert.Equal(1, outcome.Changes.Reopened);
        var red = (await harness.FollowUpsAsync()).Where(f => f.Kind == FollowUpKind.Red && f.IndicatorCode == "ASH-HOU-01").ToList();
        Assert.Equal(FollowUpStatus.Open, Assert.Single(red).Status);
        var actions = await harness.Ingest.QueryAsync<string>(
            "SELECT action FROM follow_up_event WHERE follow_up_id = @Id ORDER BY follow_up_event_id", new { red[0].Id });
        Assert.Equal(["Raised", "Resolved", "Reopened"], actions);
    }

    private static SampleReturnFile Csv(string name, params SampleReturnLine[] lines) =>
        new("HOU", name, SampleFormat.Csv, lines, null, [], "test");
}
