using Pmf.Bench.GateEval;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Tests.Support;
using Pmf.Pipeline.Tests.Workbooks;

namespace Pmf.Pipeline.Tests.Quality;

/// <summary>
/// Five councils' real LGBF series (TestData/lgbf-slice) through the real ingest into a real SQLite
/// warehouse, each financial year 21 days after it ended, as `Pmf.Bench gate-eval` does for all 24.
/// </summary>
public sealed class RealSeriesTests
{
    private static LgbfSeries Slice(IReadOnlySet<string>? councils = null) => LgbfSeries.Read(TestFiles.Path_("lgbf-slice"), councils);

    [Fact]
    public async Task Published_values_are_seldom_warned_and_injected_mistakes_are_caught_without_knock_on_warnings()
    {
        using var folder = new TempFolder();
        var series = Slice();

        var (clean, injected, errors) = await GateEvalReport.RunAsync(series, folder.Path, shared: true, CancellationToken.None);

        var report = GateEvalReport.Describe(clean, injected, errors);
        Assert.True(clean.Values > 5000, report);
        Assert.True(clean.Rate(clean.RowsWithHistoryWarning) <= 0.03, report);
        Assert.True(errors.Count >= 18, report);
        // Every kind of slip is caught except two a history rule cannot tell from a real move: transposed
        // digits (58 for 85) and another council's figure, both within the spread councils really show.
        Assert.All(errors.Where(e => e.Kind is not ("first two digits transposed" or "another council's value")), e => Assert.NotEmpty(injected.On(e.Council, e.Code, e.Year)));
        Assert.True(GateEvalReport.KnockOn(clean, injected, errors) <= 1, report);
        Assert.All(errors.Where(e => e.Kind == "last year's whole row copied"), e => Assert.Contains(QualityRules.CopiedRow.Id, injected.On(e.Council, e.Code, e.Year)));
    }

    [Fact]
    public async Task A_correction_sent_years_later_is_judged_against_the_years_before_its_own()
    {
        // Falkirk's published series, each year sent 21 days after it ended; then, on 3 December 2026, a
        // correction of 2022-23 for CHN01 (cost per primary pupil) that drops it by 90%. History used to be
        // counted back three years from the day of checking, so the correction saw nothing before it.
        using var folder = new TempFolder();
        var series = Slice(new HashSet<string> { "Falkirk" });
        var warehouse = await LgbfWarehouse.CreateAsync(series, folder.Path, shared: false, CancellationToken.None);
        foreach (var year in series.Years)
        {
            var rows = series.Values.Where(v => v.Year == year).Select(v => new SentRow(v.Council, v.Code, v.Value, v.Numerator, v.Denominator)).ToList();
            await warehouse.SendAsync(year, rows, new DateTimeOffset(year + 1, 4, 21, 9, 0, 0, TimeSpan.Zero), CancellationToken.None);
        }

        var published = series.Values.Single(v => v.Code == "CHN01" && v.Year == 2022).Value;
        var correction = new SentRow("Falkirk", "CHN01", Math.Round(published / 10m, 2), null, null);

        var outcome = Assert.Single(await warehouse.SendAsync(2022, [correction], new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero), CancellationToken.None));

        var issue = Assert.Single(outcome.Issues, i => i.RuleId == QualityRules.LargeChangeFromPrevious.Id);
        Assert.Contains("than the previous period (2021/22: ", issue.Message, StringComparison.Ordinal);
        Assert.Contains(QualityRules.Outlier.Id, outcome.Issues.Select(i => i.RuleId));
    }
}
