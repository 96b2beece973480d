using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Samples;
using Pmf.Pipeline.Scoring;
using Pmf.Pipeline.Warehouse;
using static Pmf.Pipeline.Tests.Warehouse.LoaderWarehouse;

namespace Pmf.Pipeline.Tests.Warehouse;

public sealed class GateContextQueryTests
{
    private static readonly DateOnly AsOf = new(2025, 7, 20);

    [Fact]
    public async Task Indicator_versions_are_rebuilt_exactly_as_the_catalogue_defined_them()
    {
        var framework = SampleFramework.Create(new FinancialYear(2025));
        using var w = await CreateAsync(framework);

        var context = await new GateContextQuery(w.Warehouse.Database).BuildAsync("HOU", AsOf, CancellationToken.None);

        Assert.Equal(framework.Indicators.Count, context.Indicators.Count);
        foreach (var indicator in framework.Indicators)
        {
            var version = Assert.Single(context.Indicators[indicator.Code]);
            Assert.Equal(indicator, version.Definition);
            Assert.Equal((CatalogueLoader.BeginningOfTime, (DateOnly?)null), (version.ValidFrom, version.ValidTo));
        }

        Assert.Same(context.Indicators["ASH-HOU-01"], context.Indicators["ash-hou-01"]);
        Assert.Equal(("HOU", AsOf), (context.SenderService, context.AsOf));
    }

    [Fact]
    public async Task A_changed_indicator_has_both_versions_with_the_days_each_was_in_force()
    {
        var original = SampleFramework.Create(new FinancialYear(2025));
        using var w = await CreateAsync(original);
        var changed = original with
        {
            Indicators = [.. original.Indicators.Select(i => i.Code == "ASH-WST-01" ? i with { Polarity = Polarity.LowerIsBetter } : i)],
        };
        await using (var connection = await w.Warehouse.OpenAsync())
        {
            await CatalogueLoader.LoadAsync(connection, changed, "catalogue-v2.xlsx", FrameworkFingerprint.Of(changed), Now, new DateOnly(2026, 4, 1), CancellationToken.None);
        }

        var context = await new GateContextQuery(w.Warehouse.Database).BuildAsync(null, AsOf, CancellationToken.None);

        var versions = context.Indicators["ASH-WST-01"];
        Assert.Equal(2, versions.Count);
        Assert.Equal((CatalogueLoader.BeginningOfTime, (DateOnly?)new DateOnly(2026, 4, 1), Polarity.HigherIsBetter), (versions[0].ValidFrom, versions[0].ValidTo, versions[0].Definition.Polarity));
        Assert.Equal((new DateOnly(2026, 4, 1), (DateOnly?)null, Polarity.LowerIsBetter), (versions[1].ValidFrom, versions[1].ValidTo, versions[1].Definition.Polarity));
        Assert.Equal(Polarity.HigherIsBetter, context.DefinitionFor("ASH-WST-01", Period.Quarter(2025, 4))!.Polarity);
        Assert.Equal(Polarity.LowerIsBetter, context.DefinitionFor("ASH-WST-01", Period.Quarter(2026, 1))!.Polarity);
    }

    [Fact]
    public async Task Targets_are_those_of_the_senders_indicators_resolved_to_their_periods()
    {
        using var w = await CreateAsync();
        var query = new GateContextQuery(w.Warehouse.Database);

        var housing = await query.BuildAsync("HOU", AsOf, CancellationToken.None);
        var everyone = await query.BuildAsync(null, AsOf, CancellationToken.None);

        Assert.Equal(new Target("ASH-HOU-01", Period.Quarter(2025, 1), 30.6m, null), housing.Targets[("ASH-HOU-01", "2025/26 Q1")] with { VersionId = null });
        Assert.NotNull(housing.Targets[("ASH-HOU-01", "2025/26 Q1")].VersionId);
        Assert.Equal(new Target("ASH-HOU-02", Period.Month(2025, 3), 42.75m, 54m), housing.Targets[("ash-hou-02", "2025/26 M03")] with { VersionId = null });
        Assert.Equal(30m, housing.Targets[("ASH-HOU-01", "2024/25 Q4")].Value);
        Assert.DoesNotContain(housing.Targets.Keys, k => !k.IndicatorCode.Contains("-HOU-", StringComparison.Ordinal));
        Assert.Equal(24.2m, everyone.Targets[("ASH-REV-01", "2025/26 M03")].Value); // a period target overrides the year's
    }

    [Fact]
    public async Task History_is_every_current_result_of_the_senders_indicators_however_old_oldest_first()
    {
        using var w = await CreateAsync();
        await w.LoadAsync("hash-1",
        [
            Result("ASH-HOU-01", Period.Quarter(2025, 1), 31m, rag: RagStatus.Green),
            Result("ASH-HOU-01", Period.Quarter(2022, 1), 20m, rag: RagStatus.Red) with { RemedialAction = "New partner" },
            Result("ASH-HOU-01", Period.Quarter(2012, 4), 10m) with { Commentary = "First year" }, // thirteen years before: a back-loaded or corrected return needs it
            Result("ASH-HOU-01", Period.Quarter(2024, 4), 25m),
            Result("ASH-WST-01", Period.Quarter(2025, 1), 50m),
        ]);
        await w.LoadAsync("hash-2", [Result("ASH-HOU-01", Period.Quarter(2024, 4), 26m, rag: RagStatus.Amber)]);

        var context = await new GateContextQuery(w.Warehouse.Database).BuildAsync("HOU", AsOf, CancellationToken.None);

        Assert.Equal(
            [
                new HistoricResult(Period.Quarter(2012, 4), 10m, RagStatus.Green, null) { Explained = true },
                new HistoricResult(Period.Quarter(2022, 1), 20m, RagStatus.Red, "New partner"),
                new HistoricResult(Period.Quarter(2024, 4), 26m, RagStatus.Amber, null),
                new HistoricResult(Period.Quarter(2025, 1), 31m, RagStatus.Green, null),
            ],
            context.History["ash-hou-01"]);
        Assert.False(context.History.ContainsKey("ASH-WST-01"));
    }
}
