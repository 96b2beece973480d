using Dapper;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Samples;
using Pmf.Pipeline.Scoring;
using Pmf.Pipeline.Tests.Support;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Warehouse;

public sealed class CatalogueLoaderTests
{
    private static readonly DateTimeOffset LoadedAt = new(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);

    private static Task<CatalogueLoadSummary> LoadAsync(TestWarehouse warehouse, Framework framework, DateOnly effectiveFrom) =>
        LoadWithAsync(warehouse, framework, effectiveFrom);

    private static async Task<CatalogueLoadSummary> LoadWithAsync(TestWarehouse warehouse, Framework framework, DateOnly effectiveFrom)
    {
        await using var connection = await warehouse.OpenAsync();
        return await CatalogueLoader.LoadAsync(connection, framework, "catalogue.xlsx", FrameworkFingerprint.Of(framework), LoadedAt, effectiveFrom, CancellationToken.None);
    }

    [Fact]
    public async Task Loading_the_sample_framework_fills_every_dimension_and_the_targets()
    {
        using var warehouse = await TestWarehouse.CreateAsync();
        var framework = SampleFramework.Create(new FinancialYear(2025));

        var summary = await LoadAsync(warehouse, framework, new DateOnly(2025, 6, 1));

        var counts = await warehouse.CountsAsync();
        Assert.Equal(2, counts["dim_council"]);
        Assert.Equal(framework.Services.Count, counts["dim_service"]);
        Assert.Equal(framework.Indicators.Count, counts["dim_indicator"]);
        Assert.Equal(framework.Indicators.Count, summary.IndicatorsAdded);
        // one row per priority of its own, plus one per objective
        var themes = framework.Priorities.Select(p => (p.CouncilCode, p.Code)).Distinct().Count();
        var objectives = framework.Priorities.Count(p => p.ObjectiveCode is not null);
        Assert.Equal(themes + objectives, counts["dim_priority"]);
        Assert.Equal(summary.Targets, counts["fact_target"]);
        Assert.True(counts["dim_period"] > 0 && counts["dim_date"] >= 365);
    }

    [Fact]
    public async Task Loading_the_same_catalogue_again_changes_nothing()
    {
        using var warehouse = await TestWarehouse.CreateAsync();
        var framework = SampleFramework.Create(new FinancialYear(2025));
        await LoadAsync(warehouse, framework, new DateOnly(2025, 6, 1));
        var before = await warehouse.CountsAsync();

        var again = await LoadAsync(warehouse, SampleFramework.Create(new FinancialYear(2025)), new DateOnly(2025, 7, 1));

        Assert.True(again.Unchanged);
        Assert.Equal(before, await warehouse.CountsAsync());
    }

    [Fact]
    public async Task A_changed_indicator_keeps_its_old_definition_for_periods_that_ended_before_the_change()
    {
        using var warehouse = await TestWarehouse.CreateAsync();
        var original = SampleFramework.Create(new FinancialYear(2025));
        await LoadAsync(warehouse, original, new DateOnly(2025, 4, 1));
        var changed = original with
        {
            Indicators = [.. original.Indicators.Select(i => i.Code == "ASH-WST-01"
                ? i with { Polarity = Polarity.LowerIsBetter, Tolerance = Tolerance.Absolute(2m) }
                : i)],
        };

        var summary = await LoadAsync(warehouse, changed, new DateOnly(2026, 4, 1));

        Assert.Equal(1, summary.IndicatorsChanged);
        Assert.Equal("Higher is better", await PolarityGoverning(warehouse, "ASH-WST-01", Period.Quarter(2025, 4)));
        Assert.Equal("Lower is better", await PolarityGoverning(warehouse, "ASH-WST-01", Period.Quarter(2026, 1)));
        Assert.Equal(2L, await warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM dim_indicator WHERE indicator_code = 'ASH-WST-01'"));
        Assert.Equal(1L, await warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM dim_indicator WHERE indicator_code = 'ASH-WST-01' AND is_current = 1"));
    }

    [Fact]
    public async Task Two_changes_on_the_same_day_leave_one_version_for_that_day()
    {
        using var warehouse = await TestWarehouse.CreateAsync();
        var original = SampleFramework.Create(new FinancialYear(2025));
        await LoadAsync(warehouse, original, new DateOnly(2025, 4, 1));
        Framework Renamed(string name) => original with
        {
            Indicators = [.. original.Indicators.Select(i => i.Code == "BRK-CUS-01" ? i with { Name = name } : i)],
        };

        await LoadAsync(warehouse, Renamed("Calls answered within 60 seconds"), new DateOnly(2025, 9, 1));
        await LoadAsync(warehouse, Renamed("Calls answered within 90 seconds"), new DateOnly(2025, 9, 1));

        await using var connection = await warehouse.OpenAsync();
        var names = (await connection.QueryAsync<string>(
            "SELECT indicator_name FROM dim_indicator WHERE indicator_code = 'BRK-CUS-01' ORDER BY valid_from")).ToList();
        Assert.Equal(["Calls answered", "Calls answered within 90 seconds"], names);
    }

    [Fact]
    public async Task An_indicator_dropped_from_the_catalogue_is_retired_not_deleted()
    {
        using var warehouse = await TestWarehouse.CreateAsync();
        var original = SampleFramework.Create(new FinancialYear(2025));
        await LoadAsync(warehouse, original, new DateOnly(2025, 4, 1));
        var without = original with
        {
            Indicators = [.. original.Indicators.Where(i => i.Code != "ASH-PLN-03")],
            Targets = [.. original.Targets.Where(t => t.IndicatorCode != "ASH-PLN-03")],
        };

        var summary = await LoadAsync(warehouse, without, new DateOnly(2025, 10, 1));

        Assert.Equal(1, summary.IndicatorsRetired);
        Assert.Equal(0L, await warehouse.ScalarAsync<long>("SELECT is_current FROM dim_indicator WHERE indicator_code = 'ASH-PLN-03'"));
        Assert.Equal("2025-10-01", await warehouse.ScalarAsync<string>("SELECT valid_to FROM dim_indicator WHERE indicator_code = 'ASH-PLN-03'"));
    }

    [Fact]
    public async Task A_year_target_applies_to_every_period_and_a_period_target_overrides_it()
    {
        using var warehouse = await TestWarehouse.CreateAsync();
        await LoadAsync(warehouse, SampleFramework.Create(new FinancialYear(2025)), new DateOnly(2025, 4, 1));

        // ASH-HOU-02 is monthly with only a year target; ASH-REV-01 has a monthly profile in 2025/26.
        Assert.Equal(12L, await warehouse.ScalarAsync<long>(
            "SELECT COUNT(*) FROM fact_target t JOIN dim_period p ON p.period_key = t.period_key WHERE indicator_code = 'ASH-HOU-02' AND p.financial_year = '2025/26'"));
        Assert.Equal("Year", await warehouse.ScalarAsync<string>(
            "SELECT set_for FROM fact_target WHERE indicator_code = 'ASH-HOU-02' AND period_key = @Key", new { Key = Period.Month(2025, 3).SortKey }));
        Assert.Equal(48.5m, await warehouse.ScalarAsync<decimal>(
            "SELECT target_value FROM fact_target WHERE indicator_code = 'ASH-REV-01' AND period_key = @Key", new { Key = Period.Month(2025, 6).SortKey }));
    }

    private static async Task<string> PolarityGoverning(TestWarehouse warehouse, string code, Period period) =>
        await warehouse.ScalarAsync<string>(
            """
            SELECT polarity FROM dim_indicator
            WHERE indicator_code = @Code AND valid_from <= @End AND (valid_to IS NULL OR valid_to > @End)
            """,
            new { Code = code, End = period.End });
}
