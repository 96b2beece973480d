using Pmf.Pipeline.Calendar;
using static Pmf.Pipeline.Tests.Warehouse.LoaderWarehouse;

namespace Pmf.Pipeline.Tests.Warehouse;

public sealed class DirectionOfTravelLoadTests
{
    private const string DirectionSql = """
        SELECT COALESCE(direction_vs_previous, '-') || '/' || COALESCE(direction_vs_last_year, '-')
        FROM fact_result WHERE is_current = 1 AND indicator_code = @code AND period_key = @key
        """;

    [Fact]
    public async Task Direction_is_judged_against_the_previous_period_with_the_indicators_polarity()
    {
        using var w = await CreateAsync();

        await w.LoadAsync("hash-1",
        [
            Result("ASH-HOU-01", Period.Quarter(2025, 1), 30m), // higher is better
            Result("ASH-HOU-01", Period.Quarter(2025, 2), 35m),
            Result("ASH-HOU-02", Period.Month(2025, 1), 50m), // lower is better
            Result("ASH-HOU-02", Period.Month(2025, 2), 45m),
            Result("ASH-HOU-02", Period.Month(2025, 3), 45m),
            Result("ASH-HOU-02", Period.Month(2025, 4), 47m),
            Result("ASH-WST-03", Period.Month(2025, 1), 10m), // no polarity
            Result("ASH-WST-03", Period.Month(2025, 2), 12m),
            Result("ASH-WST-03", Period.Month(2025, 3), 12m),
        ]);

        Assert.Equal("-/-", await DirectionAsync(w, "ASH-HOU-01", Period.Quarter(2025, 1)));
        Assert.Equal("Improving/-", await DirectionAsync(w, "ASH-HOU-01", Period.Quarter(2025, 2)));
        Assert.Equal("Improving/-", await DirectionAsync(w, "ASH-HOU-02", Period.Month(2025, 2)));
        Assert.Equal("Steady/-", await DirectionAsync(w, "ASH-HOU-02", Period.Month(2025, 3)));
        Assert.Equal("Worsening/-", await DirectionAsync(w, "ASH-HOU-02", Period.Month(2025, 4)));
        Assert.Equal("-/-", await DirectionAsync(w, "ASH-WST-03", Period.Month(2025, 2)));
        Assert.Equal("Steady/-", await DirectionAsync(w, "ASH-WST-03", Period.Month(2025, 3)));
    }

    [Fact]
    public async Task Correcting_an_earlier_period_rejudges_the_next_period_and_the_same_period_next_year()
    {
        using var w = await CreateAsync();
        await w.LoadAsync("hash-1", [Result("ASH-HOU-01", Period.Quarter(2025, 1), 30m), Result("ASH-HOU-01", Period.Quarter(2025, 2), 35m)]);

        await w.LoadAsync("hash-2", [Result("ASH-HOU-01", Period.Quarter(2024, 1), 40m)]); // a back-filled year-ago value
        Assert.Equal("-/Worsening", await DirectionAsync(w, "ASH-HOU-01", Period.Quarter(2025, 1)));

        await w.LoadAsync("hash-3", [Result("ASH-HOU-01", Period.Quarter(2025, 1), 45m)]); // Q1 corrected upwards
        Assert.Equal("-/Improving", await DirectionAsync(w, "ASH-HOU-01", Period.Quarter(2025, 1)));
        Assert.Equal("Worsening/-", await DirectionAsync(w, "ASH-HOU-01", Period.Quarter(2025, 2)));
    }

    [Fact]
    public async Task A_file_that_repeats_a_row_rejudges_the_neighbours_of_earlier_submissions_against_its_later_row()
    {
        using var w = await CreateAsync();
        await w.LoadAsync("hash-1",
        [
            Result("ASH-HOU-01", Period.Quarter(2024, 1), 30m),
            Result("ASH-HOU-01", Period.Quarter(2025, 1), 30m),
            Result("ASH-HOU-01", Period.Quarter(2025, 2), 30m),
            Result("ASH-HOU-01", Period.Quarter(2025, 3), 30m),
        ]);

        await w.LoadAsync("hash-2", [Result("ASH-HOU-01", Period.Quarter(2024, 1), 20m, row: 2), Result("ASH-HOU-01", Period.Quarter(2024, 1), 40m, row: 9)]);
        Assert.Equal("-/Worsening", await DirectionAsync(w, "ASH-HOU-01", Period.Quarter(2025, 1))); // 30 against the year-ago 40, not 20

        await w.LoadAsync("hash-3", [Result("ASH-HOU-01", Period.Quarter(2025, 1), 35m, row: 2), Result("ASH-HOU-01", Period.Quarter(2025, 1), 25m, row: 9)]);
        Assert.Equal("-/Worsening", await DirectionAsync(w, "ASH-HOU-01", Period.Quarter(2025, 1)));
        Assert.Equal("Improving/-", await DirectionAsync(w, "ASH-HOU-01", Period.Quarter(2025, 2))); // 30 against 25, not 35
        Assert.Equal("Steady/-", await DirectionAsync(w, "ASH-HOU-01", Period.Quarter(2025, 3))); // not next to anything changed
    }

    [Fact]
    public async Task A_nil_return_makes_its_neighbours_not_comparable()
    {
        using var w = await CreateAsync();
        await w.LoadAsync("hash-1", [Result("ASH-HOU-01", Period.Quarter(2025, 1), 30m), Result("ASH-HOU-01", Period.Quarter(2025, 2), 35m)]);

        await w.LoadAsync("hash-2", [Result("ASH-HOU-01", Period.Quarter(2025, 1), null) with { IsNilReturn = true, Commentary = "Data lost" }]);

        Assert.Equal("-/-", await DirectionAsync(w, "ASH-HOU-01", Period.Quarter(2025, 2)));
    }

    [Fact]
    public async Task Annual_indicators_compare_with_the_year_before_on_both_counts()
    {
        using var w = await CreateAsync();

        await w.LoadAsync("hash-1", [Result("ASH-PLN-03", Period.Annual(2024), 12m), Result("ASH-PLN-03", Period.Annual(2025), 9m)]); // lower is better

        Assert.Equal("Improving/Improving", await DirectionAsync(w, "ASH-PLN-03", Period.Annual(2025)));
    }

    private static Task<string> DirectionAsync(LoaderWarehouse w, string code, Period period) =>
        w.Warehouse.ScalarAsync<string>(DirectionSql, new { code, key = period.SortKey });
}
