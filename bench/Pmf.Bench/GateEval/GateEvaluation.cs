using System.Globalization;
using System.Text;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.Scoring;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Bench.GateEval;

/// <summary>
/// Feeds the real LGBF series through the real ingest, as councils would have sent them: one SQLite
/// warehouse whose catalogue holds every council (each its own service, each LGBF indicator its own
/// code, named by the LGBF title), and for every financial year, 21 days after it ended, one CSV return
/// per council with that year's published values, each ingested by <see cref="IngestReturnJob"/>.
/// </summary>
/// <remarks>Uses only the pipeline's public surface, so the same tool measures an older gate too.</remarks>
internal static class GateEvaluation
{
    /// <summary>Ingests <paramref name="series"/>, with <paramref name="injected"/> in place of the published rows they name.</summary>
    public static async Task<EvaluationRun> IngestAsync(LgbfSeries series, IReadOnlyList<InjectedError> injected, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var councils = series.Councils.Select((name, i) => (name, code: string.Create(CultureInfo.InvariantCulture, $"SC{i + 1:00}"))).ToDictionary(c => c.name, c => c.code, StringComparer.Ordinal);
        var framework = Framework(series, councils);
        var warehouse = new WarehouseDatabase(new WarehouseOptions { ConnectionString = $"Data Source={Path.Combine(folder, "warehouse.db")}" });
        await warehouse.MigrateAsync(cancellationToken);
        var first = series.Years.First();
        var last = series.Years.Last();
        await using (var connection = await warehouse.OpenAsync(cancellationToken))
        {
            var loadedAt = new DateTimeOffset(first, 4, 1, 9, 0, 0, TimeSpan.Zero);
            await CatalogueLoader.LoadAsync(connection, framework, "lgbf.xlsx", FrameworkFingerprint.Of(framework), loadedAt, new DateOnly(first - 5, 4, 1), cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await PeriodDimension.EnsureAsync(connection, transaction, new FinancialYear(first - 5), new FinancialYear(last + 2), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var replaced = injected.ToDictionary(e => (e.Council, e.Code, e.Year));
        var clock = new FakeTimeProvider();
        var store = new LocalFolderReturnStore(Path.Combine(folder, "storage"), clock);
        var job = new IngestReturnJob(warehouse, store, clock, NullLogger<IngestReturnJob>.Instance);
        var run = new EvaluationRun();
        foreach (var year in series.Years)
        {
            // 21 days after the financial year ended, as in real use.
            clock.SetUtcNow(new DateTimeOffset(year + 1, 4, 21, 9, 0, 0, TimeSpan.Zero));
            foreach (var council in series.Councils)
            {
                var rows = series.Values.Where(v => v.Council == council && v.Year == year).ToList();
                if (rows.Count == 0)
                {
                    continue;
                }

                var code = councils[council];
                var text = new StringBuilder("Indicator,Period,Value,Numerator,Denominator\n");
                foreach (var row in rows)
                {
                    var sent = replaced.TryGetValue((row.Council, row.Code, row.Year), out var error)
                        ? (error.Value, error.Numerator, error.Denominator)
                        : ((decimal?)row.Value, row.Numerator, row.Denominator);
                    text.Append(CultureInfo.InvariantCulture, $"{IndicatorCode(code, row.Code)},{Period.Annual(year).Key},{sent.Item1},{sent.Item2},{sent.Item3}\n");
                }

                var path = ReturnPath.Parse($"{code}/lgbf-{year}.csv").Path!;
                await using (var file = new MemoryStream(Encoding.UTF8.GetBytes(text.ToString())))
                {
                    await store.DropAsync(path, file, null, cancellationToken);
                }

                var outcome = await job.RunAsync(path.Name, cancellationToken);
                run.Count(rows.Count, outcome);
            }
        }

        // Every issue the warehouse holds, not the outcome's first 200 a file.
        var rowsByCode = councils.SelectMany(c => series.Indicators.Select(i => (code: IndicatorCode(c.Value, i.Code), council: c.Key, lgbf: i.Code)))
            .ToDictionary(x => x.code, x => (x.council, x.lgbf), StringComparer.OrdinalIgnoreCase);
        await using (var connection = await warehouse.OpenAsync(cancellationToken))
        {
            var issues = await connection.QueryAsync<(string Code, string Period, string RuleId)>(new CommandDefinition(IssuesSql, cancellationToken: cancellationToken));
            foreach (var (indicator, period, ruleId) in issues)
            {
                var (council, lgbf) = rowsByCode[indicator];
                run.Raise((council, lgbf, int.Parse(period.AsSpan(0, 4), CultureInfo.InvariantCulture)), ruleId);
            }
        }

        return run;
    }

    private const string IssuesSql = "SELECT indicator_code, period_code, rule_id FROM dq_issue WHERE indicator_code IS NOT NULL AND period_code IS NOT NULL";

    public static string IndicatorCode(string council, string lgbfCode) => $"{council}-{new string([.. lgbfCode.Where(char.IsAsciiLetterOrDigit)])}";

    private static Framework Framework(LgbfSeries series, Dictionary<string, string> councils)
    {
        var indicators = councils.SelectMany(c => series.Indicators.Select(i => new Indicator
        {
            Code = IndicatorCode(c.Value, i.Code),
            Name = i.Title,
            CouncilCode = c.Value,
            PriorityCode = "LGBF",
            ServiceCode = c.Value,
            Type = IndicatorType.Quantitative,
            Unit = i.Unit,
            Polarity = i.LowerIsBetter ? Polarity.LowerIsBetter : Polarity.HigherIsBetter,
            Frequency = Frequency.Annual,
            Multiplier = i.Multiplier ?? 1m,
            Tolerance = Tolerance.Percent(5m),
            DueWorkingDays = 20,
            Source = Indicator.ReturnSource,
        })).ToList();
        return new Framework(
            [.. councils.Select(c => new Council(c.Value, c.Key))],
            [.. councils.Select(c => new Priority(c.Value, "LGBF", "Benchmarking", null, null))],
            [.. councils.Select(c => new Service(c.Value, c.Key + " performance", "Head of " + c.Key, $"head.{c.Value.ToLowerInvariant()}@example.gov.uk", null, null))],
            indicators,
            []);
    }
}
