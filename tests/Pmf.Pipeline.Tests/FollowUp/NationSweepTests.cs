using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.FollowUp;
using Pmf.Pipeline.Tests.Jobs;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.FollowUp;

/// <summary>
/// Due dates, reminders and escalations through the real sweep, by the bank holidays of the nation of
/// each indicator's council. The demo's Housing service is shared by Ashby Vale (England) and, here,
/// Brookmere moved to Scotland: one head of service, chased for each council's indicators by that
/// council's calendar. A 2024/25 Q4 return due 20 working days after the quarter is due on 29 April 2025
/// in Scotland (no Easter Monday) and 30 April in England.
/// </summary>
public sealed class NationSweepTests
{
    [Fact]
    public async Task A_shared_service_is_chased_for_each_councils_indicators_by_that_councils_nation()
    {
        await using var harness = await ScotlandAndEnglandAsync();

        var levels = new List<(long Scotland, long England)>();
        foreach (var day in new[] { 25, 29, 30 })
        {
            await harness.SweepAsync(new DateOnly(2025, 4, day), mail: false);
            levels.Add((await LevelAsync(harness, "BRK-HOU-01"), await LevelAsync(harness, "ASH-HOU-01")));
        }

        // 25 April: both reminded; 29 April: both due today, still reminders; 30 April: overdue in
        // Scotland (the head of service), a reminder still in England, where it is due that day.
        Assert.Equal([(0L, 0L), (0L, 0L), (1L, 0L)], levels);
        var due = await harness.Ingest.QueryAsync<(string Code, DateTime DueAt)>(
            "SELECT indicator_code AS Code, due_at AS DueAt FROM follow_up WHERE kind = 'Late' AND indicator_code IN ('ASH-HOU-01', 'BRK-HOU-01') " +
            "AND period_key = (SELECT period_key FROM dim_period WHERE period_code = '2024/25 Q4') ORDER BY indicator_code");
        Assert.Equal([("ASH-HOU-01", new DateTime(2025, 4, 30)), ("BRK-HOU-01", new DateTime(2025, 4, 29))], due);
    }

    [Fact]
    public async Task The_director_is_copied_after_the_nations_own_working_days()
    {
        await using var harness = await ScotlandAndEnglandAsync();

        // Five working days after the due date, skipping 5 May (a bank holiday in both): Scotland's is
        // reached on Wed 7 May, England's on Thu 8 May.
        await harness.SweepAsync(new DateOnly(2025, 5, 7), mail: false);
        var onSeventh = (await LevelAsync(harness, "BRK-HOU-01"), await LevelAsync(harness, "ASH-HOU-01"));
        await harness.SweepAsync(new DateOnly(2025, 5, 8), mail: false);
        var onEighth = (await LevelAsync(harness, "BRK-HOU-01"), await LevelAsync(harness, "ASH-HOU-01"));

        Assert.Equal((2L, 1L), onSeventh);
        Assert.Equal((2L, 2L), onEighth);
    }

    /// <summary>The demo catalogue with Brookmere in Scotland and Housing's quarterly HOU-01 due 20 working days after the quarter.</summary>
    private static async Task<SweepHarness> ScotlandAndEnglandAsync()
    {
        var harness = await SweepHarness.CreateAsync();
        var sample = IngestHarness.Framework;
        var framework = sample with
        {
            Councils = [.. sample.Councils.Select(c => c.Code == "BRK" ? c with { Nation = Nation.Scotland } : c)],
            Indicators = [.. sample.Indicators.Select(i => i.Code is "ASH-HOU-01" or "BRK-HOU-01" ? i with { DueWorkingDays = 20 } : i)],
        };
        await using var connection = await harness.Ingest.Warehouse.OpenAsync();
        await CatalogueLoader.LoadAsync(connection, framework, "catalogue-v2.xlsx", FrameworkFingerprint.Of(framework), IngestHarness.Now, new DateOnly(2025, 4, 1), CancellationToken.None);
        return harness;
    }

    private static async Task<long> LevelAsync(SweepHarness harness, string indicator) =>
        (await harness.FollowUpAsync(FollowUpKind.Late, indicator, "2024/25 Q4"))?.Level ?? -1;
}
