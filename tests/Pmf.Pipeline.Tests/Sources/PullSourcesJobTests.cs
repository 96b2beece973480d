using Microsoft.AspNetCore.Http;
using Pmf.Pipeline.Sources;

namespace Pmf.Pipeline.Tests.Sources;

public sealed class PullSourcesJobTests
{
    private static readonly (string, string, decimal?, decimal?, decimal?)[] Collections =
    [
        ("ASH-REV-01", "2026-09-01", 5200m, 10000m, 52.0m),
        ("ASH-REV-01", "2026-10-01", 5950m, 10000m, 59.5m),
        ("BRK-REV-03", "2026-10-01", null, null, 15m),
    ];

    [Fact]
    public async Task A_SQL_source_is_queried_for_the_open_range_and_loads_through_the_gate()
    {
        await using var harness = await PullHarness.CreateAsync();
        using var revenues = await ServiceSystemDatabase.CreateAsync(Collections);

        var outcome = await harness.PullAsync(harness.Revenues(revenues));

        Assert.Equal(SourceRunOutcome.Loaded, outcome.Outcome);
        Assert.Equal(("2026/27 M07", "2026/27 M07", 2), (outcome.Run.PeriodsFrom, outcome.Run.PeriodsTo, outcome.Run.RecordsRead));
        var results = await harness.QueryAsync<(string Code, double Value, double? Numerator)>(
            "SELECT indicator_code, CAST(result_value AS REAL), CAST(numerator AS REAL) FROM fact_result WHERE is_current = 1 ORDER BY indicator_code");
        Assert.Equal([("ASH-REV-01", 59.5, 5950.0), ("BRK-REV-03", 15.0, null)], results);
    }

    [Fact]
    public async Task A_SQL_column_the_mapping_names_but_the_query_lacks_is_schema_drift()
    {
        await using var harness = await PullHarness.CreateAsync();
        using var revenues = await ServiceSystemDatabase.CreateAsync(Collections);
        var source = harness.Revenues(revenues);
        source.Sql.Query = ServiceSystemDatabase.Query.Replace("pct AS value", "pct AS pct_collected", StringComparison.Ordinal);

        var outcome = await harness.PullAsync(source);

        Assert.Equal(SourceRunOutcome.Rejected, outcome.Outcome);
        Assert.Contains("without the field 'value'", outcome.Run.Message, StringComparison.Ordinal);
        Assert.Contains("'pct_collected'", outcome.Run.Message, StringComparison.Ordinal);
        Assert.Empty(await harness.QueryAsync<long>("SELECT result_key FROM fact_result"));
    }

    [Fact]
    public async Task When_one_source_fails_the_others_still_load_and_each_run_is_recorded()
    {
        await using var harness = await PullHarness.CreateAsync();
        using var revenues = await ServiceSystemDatabase.CreateAsync(Collections);
        await using var api = await LoopbackApi.StartAsync((context, _) =>
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        });
        var housing = PullHarness.Housing(api.Url("/kpis?period={period}"));

        var outcomes = await harness.Job(housing, harness.Revenues(revenues)).RunAsync(null, null, CancellationToken.None);

        Assert.Equal([SourceRunOutcome.Failed, SourceRunOutcome.Loaded], outcomes.Select(o => o.Outcome));
        Assert.Equal("Source 'housing-system' answered 503 Service Unavailable for " + api.Url("/kpis") + ". Gave up after 3 attempts.", outcomes[0].Run.Message);
        Assert.Equal(2, (await harness.QueryAsync<long>("SELECT result_key FROM fact_result WHERE is_current = 1")).Count);
        Assert.Equal(["housing-system:Failed", "revenues-db:Loaded"], await harness.QueryAsync<string>(
            "SELECT source_name || ':' || outcome FROM source_run ORDER BY source_run_id"));
        Assert.Equal(["revenues-db"], await harness.QueryAsync<string>("SELECT source_name FROM source_watermark"));
    }

    [Fact]
    public async Task A_rerun_that_finds_the_same_figures_changes_nothing_but_the_run_log()
    {
        await using var harness = await PullHarness.CreateAsync();
        using var revenues = await ServiceSystemDatabase.CreateAsync(Collections);
        await using var api = await LoopbackApi.StartAsync((c, _) => PullHarness.AnswerHousing(c));
        var job = harness.Job(PullHarness.Housing(api.Url("/kpis?period={period}")), harness.Revenues(revenues));
        var first = await job.RunAsync(null, null, CancellationToken.None);
        var before = await harness.Ingest.CountsAsync();
        var results = await harness.QueryAsync<string>("SELECT indicator_code || period_key || result_value || is_current FROM fact_result ORDER BY result_key");
        harness.Ingest.Clock.Advance(TimeSpan.FromHours(1));

        var second = await job.RunAsync(null, null, CancellationToken.None);

        Assert.Equal([SourceRunOutcome.Loaded, SourceRunOutcome.Loaded], first.Select(o => o.Outcome));
        Assert.Equal([SourceRunOutcome.Unchanged, SourceRunOutcome.Unchanged], second.Select(o => o.Outcome));
        Assert.Equal(first.Select(o => o.Run.SubmissionId), second.Select(o => o.Run.SubmissionId));
        var after = await harness.Ingest.CountsAsync();
        Assert.Equal(before["source_run"] + 2, after["source_run"]);
        Assert.Equal(before.Where(t => t.Key != "source_run"), after.Where(t => t.Key != "source_run"));
        Assert.Equal(results, await harness.QueryAsync<string>("SELECT indicator_code || period_key || result_value || is_current FROM fact_result ORDER BY result_key"));
    }

    [Fact]
    public async Task A_corrected_figure_supersedes_the_earlier_pull_as_a_corrected_return_would()
    {
        await using var harness = await PullHarness.CreateAsync();
        var rent = 99.6m;
        await using var api = await LoopbackApi.StartAsync((context, _) => PullHarness.WriteJsonAsync(context, new
        {
            items = new[] { new { indicator = "ASH-HOU-05", period = "2026/27 M07", value = rent, commentary = (string?)null } },
        }));
        var source = PullHarness.Housing(api.Url("/kpis?period={period}"));
        await harness.PullAsync(source);
        rent = 99.8m;

        var outcome = await harness.PullAsync(source);

        Assert.Equal(SourceRunOutcome.Loaded, outcome.Outcome);
        Assert.Equal([(99.6, 0L), (99.8, 1L)], await harness.QueryAsync<(double, long)>("SELECT result_value, is_current FROM fact_result ORDER BY result_key"));
    }

    [Fact]
    public async Task Final_periods_are_never_asked_again_once_the_watermark_has_passed_them()
    {
        await using var harness = await PullHarness.CreateAsync();
        await using var api = await LoopbackApi.StartAsync((c, _) => PullHarness.AnswerHousing(c));
        var source = PullHarness.Housing(api.Url("/kpis?period={period}"), s =>
        {
            s.BackfillFrom = new DateOnly(2026, 8, 1);
            s.OpenDays = 30;
        });
        await harness.PullAsync(source);
        var firstAsked = api.Requests.Select(r => r.Query["period"]).ToList();
        api.Requests.Clear();

        await harness.Job(source).RunAsync(null, new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.Zero), CancellationToken.None);

        Assert.Equal(["2026/27 M05", "2026/27 M06", "2026/27 M07"], firstAsked);
        // 23 Nov less 30 days: August and September are final; October is still open and November has ended.
        Assert.Equal(["2026/27 M07", "2026/27 M08"], api.Requests.Select(r => r.Query["period"]));
        Assert.Equal(new DateTime(2026, 11, 10), Assert.Single(await harness.QueryAsync<DateTime>("SELECT final_through FROM source_watermark")));
    }

    [Fact]
    public async Task The_timer_pulls_a_source_only_when_its_schedule_has_come_round()
    {
        await using var harness = await PullHarness.CreateAsync();
        await using var api = await LoopbackApi.StartAsync((c, _) => PullHarness.AnswerHousing(c));
        var job = harness.Job(PullHarness.Housing(api.Url("/kpis?period={period}"), s => s.Schedule = "0 0 6 * * *"));

        var never = await job.RunDueAsync(CancellationToken.None);
        harness.Ingest.Clock.Advance(TimeSpan.FromHours(12));
        var sameDay = await job.RunDueAsync(CancellationToken.None);
        harness.Ingest.Clock.Advance(TimeSpan.FromHours(10));
        var nextMorning = await job.RunDueAsync(CancellationToken.None);

        Assert.Equal((1, 0, 1), (never.Count, sameDay.Count, nextMorning.Count));
    }

    [Fact]
    public async Task A_source_no_indicator_names_fails_with_a_sentence_saying_so()
    {
        await using var harness = await PullHarness.CreateAsync();
        var source = PullHarness.Housing("http://127.0.0.1:9/kpis?period={period}", s => s.Name = "planning-portal");

        var outcome = await harness.PullAsync(source);

        Assert.Equal(SourceRunOutcome.Failed, outcome.Outcome);
        Assert.Equal("No current indicator in the catalogue gives 'planning-portal' as its Source, so there is nothing to pull; check the catalogue's Source column.", outcome.Run.Message);
    }

    [Fact]
    public async Task After_repeated_failures_the_circuit_opens_and_the_source_is_not_asked()
    {
        await using var harness = await PullHarness.CreateAsync();
        await using var api = await LoopbackApi.StartAsync((context, _) =>
        {
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
            return Task.CompletedTask;
        });
        var source = PullHarness.Housing(api.Url("/kpis?period={period}"), s =>
        {
            s.Resilience.Retries = 1;
            s.Resilience.BreakAfter = 4;
        });
        await harness.PullAsync(source);
        await harness.PullAsync(source);
        var asked = api.Requests.Count;

        var third = await harness.PullAsync(source);

        Assert.Equal(4, asked);
        Assert.Equal(4, api.Requests.Count);
        Assert.Equal(SourceRunOutcome.Failed, third.Outcome);
        Assert.StartsWith("Source 'housing-system' has kept failing, so its circuit is open", third.Run.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Source_health_counts_the_problem_runs_since_the_last_success_for_the_sweep()
    {
        await using var harness = await PullHarness.CreateAsync();
        using var revenues = await ServiceSystemDatabase.CreateAsync(Collections);
        await using var api = await LoopbackApi.StartAsync((context, number) =>
        {
            if (number == 1)
            {
                return PullHarness.AnswerHousing(context);
            }

            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        });
        var job = harness.Job(PullHarness.Housing(api.Url("/kpis?period={period}"), s => s.Resilience.Retries = 0), harness.Revenues(revenues));
        var firstRun = harness.Ingest.Clock.GetUtcNow();
        for (var run = 0; run < 3; run++)
        {
            await job.RunAsync(null, null, CancellationToken.None);
            harness.Ingest.Clock.Advance(TimeSpan.FromHours(1));
        }

        var health = await new SourceRunLog(harness.Ingest.Warehouse.Database).HealthAsync(firstRun.AddDays(-1), CancellationToken.None);

        var housing = health.Single(h => h.SourceName == "housing-system");
        var revenuesHealth = health.Single(h => h.SourceName == "revenues-db");
        Assert.Equal((SourceRunOutcome.Failed, 2, firstRun), (housing.LastOutcome, housing.ProblemRunsInARow, housing.LastSuccessAt));
        Assert.True(housing.IsStale);
        Assert.Equal((SourceRunOutcome.Unchanged, 0, false), (revenuesHealth.LastOutcome, revenuesHealth.ProblemRunsInARow, revenuesHealth.IsStale));
    }
}
