using System.Globalization;
using System.Text;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Jobs;

/// <summary>
/// Currency and direction of travel, however they are worked out during a load, must leave exactly what
/// judging every current row set-based would: one current row per indicator and period (the latest
/// submission's), each earlier row stamped with the submission that replaced it, and every current row's
/// direction as the warehouse's own join says. Returns go through the real ingest, back-loaded and out of
/// order, with repeats, conflicts, nil returns, corrections and long decimals.
/// </summary>
public sealed class GateJudgedCompletionTests
{
    /// <summary>The set-based judgement of every current row (the statement completion used to run on the submission's rows).</summary>
    private const string ReferenceDirectionSql = """
        SELECT r.result_key AS ResultKey, r.indicator_code AS Code, r.period_key AS PeriodKey,
               COALESCE(r.direction_vs_previous, '-') AS StoredPrevious, COALESCE(r.direction_vs_last_year, '-') AS StoredLastYear,
               COALESCE(CASE
                   WHEN r.result_value IS NULL OR c.result_value IS NULL THEN NULL
                   WHEN r.result_value = c.result_value THEN 'Steady'
                   WHEN i.polarity = 'Higher is better' AND r.result_value > c.result_value THEN 'Improving'
                   WHEN i.polarity = 'Lower is better' AND r.result_value < c.result_value THEN 'Improving'
                   WHEN i.polarity IN ('Higher is better', 'Lower is better') THEN 'Worsening'
               END, '-') AS JudgedPrevious,
               COALESCE(CASE
                   WHEN r.result_value IS NULL OR y.result_value IS NULL THEN NULL
                   WHEN r.result_value = y.result_value THEN 'Steady'
                   WHEN i.polarity = 'Higher is better' AND r.result_value > y.result_value THEN 'Improving'
                   WHEN i.polarity = 'Lower is better' AND r.result_value < y.result_value THEN 'Improving'
                   WHEN i.polarity IN ('Higher is better', 'Lower is better') THEN 'Worsening'
               END, '-') AS JudgedLastYear
        FROM fact_result r
        INNER JOIN dim_period p ON p.period_key = r.period_key
        INNER JOIN dim_indicator i ON i.indicator_key = r.indicator_key
        LEFT JOIN fact_result c ON c.indicator_code = r.indicator_code AND c.period_key = p.previous_period_key AND c.is_current = 1
        LEFT JOIN fact_result y ON y.indicator_code = r.indicator_code AND y.period_key = p.same_period_last_year_key AND y.is_current = 1
        WHERE r.is_current = 1
        ORDER BY r.result_key
        """;

    /// <summary>Every row, with the row that should be current for its key (the latest submission's) and the submission that replaced it.</summary>
    private const string ReferenceCurrencySql = """
        SELECT r.result_key AS ResultKey, r.is_current AS IsCurrent, COALESCE(r.superseded_by_submission_id, 0) AS SupersededBy,
               CASE WHEN r.result_key = (SELECT MAX(o.result_key) FROM fact_result o
                                         WHERE o.indicator_code = r.indicator_code AND o.period_key = r.period_key) THEN 1 ELSE 0 END AS ShouldBeCurrent,
               COALESCE((SELECT MIN(o.submission_id) FROM fact_result o
                         WHERE o.indicator_code = r.indicator_code AND o.period_key = r.period_key AND o.submission_id > r.submission_id), 0) AS ShouldBeSupersededBy
        FROM fact_result r
        ORDER BY r.result_key
        """;

    private static readonly Period[] Quarters = [.. Enumerable.Range(2022, 5).SelectMany(y => Enumerable.Range(1, 4).Select(q => Period.Quarter(y, q))).Where(p => p.End < new DateOnly(2026, 10, 1))];
    private static readonly Period[] Months = [.. Enumerable.Range(2023, 4).SelectMany(y => Enumerable.Range(1, 12).Select(m => Period.Month(y, m))).Where(p => p.End < new DateOnly(2026, 11, 1))];

    [Fact]
    public async Task Back_loaded_and_out_of_order_returns_leave_currency_and_direction_as_judging_every_row_would()
    {
        await using var harness = await IngestHarness.CreateAsync();
        var loaded = 0;

        // 1. Housing, recent periods, newest first: every row's comparators arrive later in the file.
        loaded += await IngestAsync(harness, "HOU/recent newest first.csv",
            Rows("ASH-HOU-01", Quarters[^6..].Reverse(), q => 30 + (q % 4))
            .Concat(Rows("ASH-HOU-02", Months[^14..].Reverse(), m => 50 - (m % 5)))
            .Concat(Rows("BRK-HOU-01", Quarters[^5..], q => 12 + (q % 3))));

        // 2. Back-loaded history underneath, in scrambled order, with a nil return, a repeated row and
        //    values carried to more places than the warehouse keeps.
        loaded += await IngestAsync(harness, "HOU/history.csv",
            Rows("ASH-HOU-01", Quarters[..^6].Where((_, i) => i % 2 == 1), q => 28 + (q % 5))
            .Concat(Rows("ASH-HOU-01", Quarters[..^6].Where((_, i) => i % 2 == 0), q => 29 + (q % 3)))
            .Concat([("ASH-HOU-04", Quarters[4].Key, "", "Survey not run this quarter")])
            .Concat(Rows("ASH-HOU-04", Quarters[5..10], q => 60 + (q % 4)))
            .Concat([("ASH-HOU-04", Quarters[6].Key, Text(60 + (Quarters[6].SortKey % 4)), "Checked")])
            .Concat(Rows("ASH-HOU-02", Months[..^14].Reverse(), m => 47 + (m % 6)))
            .Concat([("ASH-HOU-04", Quarters[10].Key, "61.1234567890123456789", ""), ("ASH-HOU-04", Quarters[11].Key, "61.1234567890123456788", "")]));

        // 3. Corrections in the middle of both earlier files' runs, a conflict (both rows rejected, so the row after
        //    it compares with the warehouse's value), and a new period.
        loaded += await IngestAsync(harness, "HOU/corrections.csv",
        [
            ("ASH-HOU-01", Quarters[^3].Key, "33", ""),
            ("ASH-HOU-01", Quarters[^4].Key, "31", "Corrected"),
            ("ASH-HOU-01", Quarters[7].Key, "40", "Recount"),
            ("ASH-HOU-02", Months[^5].Key, "44", ""),
            ("ASH-HOU-02", Months[^6].Key, "51", ""),
            ("ASH-HOU-02", Months[^6].Key, "52", ""),
            ("ASH-HOU-02", Months[^7].Key, "49", ""),
            ("BRK-HOU-01", Quarters[^5].Key, "", "Not collected"),
            ("ASH-HOU-04", Quarters[11].Key, "61.1234567890123456789", ""),
        ]);

        // 4. Waste, no polarity and higher is better; 5. planning, annual (both comparators are the year before).
        loaded += await IngestAsync(harness, "WST/waste.csv",
            Rows("ASH-WST-03", Months[^10..], m => 12 + (m % 2)).Concat(Rows("ASH-WST-01", Quarters[^4..], q => 50 + (q % 3))));
        loaded += await IngestAsync(harness, "PLN/appeals.csv",
        [
            ("ASH-PLN-03", Period.Annual(2024).Key, "9", ""),
            ("ASH-PLN-03", Period.Annual(2022).Key, "12", ""),
            ("ASH-PLN-03", Period.Annual(2023).Key, "9", ""),
        ]);

        // 6. Housing again, the same periods as the first file in file order with some values changed.
        loaded += await IngestAsync(harness, "HOU/resent.csv",
            Rows("ASH-HOU-01", Quarters[^6..], q => 30 + (q % 5)).Concat(Rows("ASH-HOU-02", Months[^14..^4], m => 50 - (m % 4))));

        var directions = await harness.QueryAsync<DirectionRow>(ReferenceDirectionSql);
        Assert.Empty(directions.Where(d => d.StoredPrevious != d.JudgedPrevious || d.StoredLastYear != d.JudgedLastYear)
            .Select(d => $"{d.Code} {d.PeriodKey}: stored {d.StoredPrevious}/{d.StoredLastYear}, judged {d.JudgedPrevious}/{d.JudgedLastYear}"));
        var currency = await harness.QueryAsync<CurrencyRow>(ReferenceCurrencySql);
        Assert.Empty(currency.Where(c => c.IsCurrent != c.ShouldBeCurrent || (c.IsCurrent == 0 && c.SupersededBy != c.ShouldBeSupersededBy))
            .Select(c => $"result {c.ResultKey}: current {c.IsCurrent} (should be {c.ShouldBeCurrent}), superseded by {c.SupersededBy} (should be {c.ShouldBeSupersededBy})"));

        // The scenario exercised what it claims to: rows replaced, and every kind of verdict.
        Assert.Equal(currency.Count, loaded);
        Assert.True(currency.Count(c => c.IsCurrent == 0) >= 20, "Too few rows were replaced to test supersession.");
        foreach (var verdict in new[] { "Improving", "Worsening", "Steady", "-" })
        {
            Assert.Contains(directions, d => d.JudgedPrevious == verdict);
            Assert.Contains(directions, d => d.JudgedLastYear == verdict);
        }
    }

    private static IEnumerable<(string Code, string Period, string Value, string Commentary)> Rows(string code, IEnumerable<Period> periods, Func<int, decimal> value) =>
        periods.Select(p => (code, p.Key, Text(value(p.SortKey)), ""));

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static async Task<int> IngestAsync(IngestHarness harness, string name, IEnumerable<(string Code, string Period, string Value, string Commentary)> rows)
    {
        var csv = new StringBuilder("Indicator,Period,Value,Commentary\n");
        foreach (var (code, period, value, commentary) in rows)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{code},{period},{value},{commentary}\n");
        }

        var outcome = await harness.DropAndIngestAsync(name, Encoding.UTF8.GetBytes(csv.ToString()));
        Assert.True(outcome.Verdict is SubmissionVerdict.Accepted or SubmissionVerdict.AcceptedWithWarnings, $"{name}: {outcome.Reason}");
        return outcome.Load!.RowsLoaded;
    }

    private sealed record DirectionRow(long ResultKey, string Code, long PeriodKey, string StoredPrevious, string StoredLastYear, string JudgedPrevious, string JudgedLastYear);

    private sealed record CurrencyRow(long ResultKey, long IsCurrent, long SupersededBy, long ShouldBeCurrent, long ShouldBeSupersededBy);
}
