using System.Text;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Reports;
using Pmf.Pipeline.Scoring;
using Pmf.Pipeline.Tests.Jobs;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Warehouse;

/// <summary>
/// ASH-HOU-01 (affordable homes, quarterly, higher is better, 10% amber band) has a 2026/27 target of 30.6
/// in the sample framework; the council raises it to 35.
/// </summary>
public sealed class TargetHistoryTests
{
    private const string Code = "ASH-HOU-01";
    private const string Raised = "Cabinet raised the target on 12/11/2026 after the new sites came forward";

    private static Framework WithTarget(decimal value, DateOnly? changedFrom, string? reason = Raised)
    {
        var framework = IngestHarness.Framework;
        return framework with
        {
            Targets = [.. framework.Targets.Select(t => t.IndicatorCode == Code && t.Period == Period.Annual(2026)
                ? t with { Value = value, Reason = reason, ChangedFrom = changedFrom }
                : t)],
        };
    }

    private static async Task<CatalogueLoadSummary> ReloadAsync(IngestHarness harness, Framework framework, DateOnly effectiveFrom)
    {
        await using var connection = await harness.Warehouse.OpenAsync();
        return await CatalogueLoader.LoadAsync(connection, framework, "catalogue v2.xlsx", FrameworkFingerprint.Of(framework), IngestHarness.Now, effectiveFrom, CancellationToken.None);
    }

    private static Task<Pipeline.Jobs.IngestOutcome> SendAsync(IngestHarness harness, string quarter, decimal value, string file = "homes.csv") =>
        harness.DropAndIngestAsync($"HOU/{file}", Encoding.UTF8.GetBytes($"Indicator,Period,Value,Commentary\r\n{Code},{quarter},{value},Delivered as planned\r\n"));

    private static async Task<(decimal Target, string Rag, long? Version)> CurrentAsync(IngestHarness harness, string quarter) =>
        (await harness.QueryAsync<(decimal, string, long?)>(
            "SELECT target_value + 0.0, rag, target_version_id FROM fact_result WHERE indicator_code = @Code AND period_key = @Key AND is_current = 1",
            new { Code, Key = PeriodParser.Parse(quarter).Period!.SortKey })).Single();

    [Fact]
    public async Task A_changed_target_is_a_new_version_beside_the_old_and_the_load_lists_it()
    {
        await using var harness = await IngestHarness.CreateAsync();

        var summary = await ReloadAsync(harness, WithTarget(35m, changedFrom: null), new DateOnly(2026, 12, 3));

        var change = Assert.Single(summary.TargetChanges);
        Assert.Equal(new TargetChange(Code, "2026/27", 30.6m, 35m, new DateOnly(2026, 12, 3), Raised, PeriodsKeepingOld: 2), change);
        Assert.Equal(
            $"ASH-HOU-01 2026/27: 30.6 → 35 from 03/12/2026 ({Raised}); 2 periods that ended before then keep 30.6",
            ReportWords.TargetChange(change));
        var versions = await harness.QueryAsync<(decimal, string, string?)>(
            "SELECT target_value + 0.0, valid_from, reason FROM target_version WHERE indicator_code = @Code AND period_key = @Key ORDER BY target_version_id",
            new { Code, Key = Period.Quarter(2026, 1).SortKey });
        Assert.Equal([(30.6m, "1900-04-01", null), (35m, "2026-12-03", Raised)], versions);
        // Q1 and Q2 ended before the change: judged against 30.6 still. Q3 and Q4 against 35.
        var inForce = await harness.QueryAsync<decimal>(
            "SELECT target_value + 0.0 FROM fact_target WHERE indicator_code = @Code AND period_key BETWEEN @Q1 AND @Q4 ORDER BY period_key",
            new { Code, Q1 = Period.Quarter(2026, 1).SortKey, Q4 = Period.Quarter(2026, 4).SortKey });
        Assert.Equal([30.6m, 30.6m, 35m, 35m], inForce);
    }

    [Fact]
    public async Task A_change_without_a_reason_is_listed_as_such()
    {
        await using var harness = await IngestHarness.CreateAsync();

        var summary = await ReloadAsync(harness, WithTarget(35m, changedFrom: new DateOnly(2026, 4, 1), reason: null), new DateOnly(2026, 12, 3));

        Assert.Equal(
            "ASH-HOU-01 2026/27: 30.6 → 35 from 01/04/2026 (no reason given: add one in the Targets sheet's Reason column)",
            ReportWords.TargetChange(Assert.Single(summary.TargetChanges)));
    }

    [Fact]
    public async Task Reloading_a_changed_catalogue_never_rescores_results_already_judged()
    {
        await using var harness = await IngestHarness.CreateAsync();
        await SendAsync(harness, "2026/27 Q1", 32m);
        var before = await CurrentAsync(harness, "2026/27 Q1");

        await ReloadAsync(harness, WithTarget(35m, changedFrom: new DateOnly(2026, 4, 1)), new DateOnly(2026, 12, 3));

        Assert.Equal((30.6m, "Green"), (before.Target, before.Rag));
        Assert.Equal(before, await CurrentAsync(harness, "2026/27 Q1"));
        Assert.NotNull(before.Version);
        Assert.Equal(30.6m, await harness.Warehouse.ScalarAsync<decimal>("SELECT target_value + 0.0 FROM target_version WHERE target_version_id = @Id", new { Id = before.Version }));
    }

    [Fact]
    public async Task A_result_sent_after_the_change_is_judged_against_the_target_in_force_for_its_period()
    {
        await using var harness = await IngestHarness.CreateAsync();
        await ReloadAsync(harness, WithTarget(35m, changedFrom: new DateOnly(2026, 4, 1)), new DateOnly(2026, 12, 3));

        await SendAsync(harness, "2026/27 Q1", 32m);

        var (target, rag, version) = await CurrentAsync(harness, "2026/27 Q1");
        Assert.Equal((35m, "Amber"), (target, rag));
        Assert.Equal("Cabinet raised the target on 12/11/2026 after the new sites came forward", await harness.Warehouse.ScalarAsync<string>("SELECT reason FROM target_version WHERE target_version_id = @Id", new { Id = version }));
    }

    [Fact]
    public async Task Rescoring_is_an_explicit_step_recorded_with_who_when_and_why()
    {
        await using var harness = await IngestHarness.CreateAsync();
        await SendAsync(harness, "2026/27 Q1", 32m);
        await ReloadAsync(harness, WithTarget(35m, changedFrom: new DateOnly(2026, 4, 1)), new DateOnly(2026, 12, 3));
        var job = new TargetRescore(harness.Warehouse.Database, harness.Clock);

        var preview = await job.PreviewAsync(Code, new FinancialYear(2026), CancellationToken.None);
        var unchanged = await CurrentAsync(harness, "2026/27 Q1");
        var done = await job.RunAsync(Code, new FinancialYear(2026), "Sam Performance", "Cabinet agreed the revised target", CancellationToken.None);

        var expected = new RescoredResult(Code, Period.Quarter(2026, 1), 32m, 30.6m, 35m, RagStatus.Green, RagStatus.Amber);
        Assert.Equal([expected], preview);
        Assert.Equal("Green", unchanged.Rag);
        Assert.Equal([expected], done);
        Assert.Equal((35m, "Amber"), ((await CurrentAsync(harness, "2026/27 Q1")).Target, (await CurrentAsync(harness, "2026/27 Q1")).Rag));
        var record = (await harness.QueryAsync<(string, string, string, string)>("SELECT from_rag, to_rag, rescored_by, reason FROM target_rescore")).Single();
        Assert.Equal(("Green", "Amber", "Sam Performance", "Cabinet agreed the revised target"), record);
        Assert.Empty(await job.PreviewAsync(null, null, CancellationToken.None));
    }

    [Fact]
    public async Task Rescoring_without_a_name_or_reason_is_refused()
    {
        await using var harness = await IngestHarness.CreateAsync();
        var job = new TargetRescore(harness.Warehouse.Database, harness.Clock);

        await Assert.ThrowsAsync<ArgumentException>(() => job.RunAsync(null, null, "Sam", " ", CancellationToken.None));
    }

    [Fact]
    public async Task Rescoring_a_published_result_whose_RAG_changes_is_a_restatement()
    {
        await using var harness = await IngestHarness.CreateAsync();
        await SendAsync(harness, "2026/27 Q1", 32m);
        var ledger = new Pipeline.Publication.PublicationLedger(harness.Warehouse.Database, harness.Clock);
        foreach (var stage in new[] { Pipeline.Publication.PublicationStage.Reviewed, Pipeline.Publication.PublicationStage.Approved, Pipeline.Publication.PublicationStage.Published })
        {
            await ledger.TakeAsync("ASH", Period.Quarter(2026, 1), stage, "Sam Performance", "Cabinet", null, CancellationToken.None);
        }

        await ReloadAsync(harness, WithTarget(35m, changedFrom: new DateOnly(2026, 4, 1)), new DateOnly(2026, 12, 3));
        await new TargetRescore(harness.Warehouse.Database, harness.Clock).RunAsync(Code, null, "Sam Performance", "Cabinet agreed the revised target", CancellationToken.None);

        var restated = (await harness.QueryAsync<(string, string, string, string)>("SELECT old_rag, new_rag, kind, reason FROM restatement")).Single();
        Assert.Equal(("Green", "Amber", "Rescore", "Cabinet agreed the revised target"), restated);
    }
}
