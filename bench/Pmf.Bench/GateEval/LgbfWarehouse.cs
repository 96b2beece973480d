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

/// <summary>A row as a council sends it: the LGBF code, and the value, numerator and denominator it gives (blank as null).</summary>
internal sealed record SentRow(string Council, string Code, decimal? Value, decimal? Numerator, decimal? Denominator);

/// <summary>
/// A real SQLite warehouse whose catalogue holds the LGBF indicators for every council of a series
/// (each LGBF indicator its own code per council, named by the LGBF title, so the councils' figures
/// for one measure are peers), and the real ingest job over a local return store. Each council is
/// its own service, or, <c>shared</c>, all are one service that sends every council's rows in one file.
/// </summary>
/// <remarks>Uses only the pipeline's public surface, so the same tool measures an older gate too.</remarks>
internal sealed class LgbfWarehouse
{
    private const string IssuesSql = "SELECT indicator_code, period_code, rule_id FROM dq_issue WHERE indicator_code IS NOT NULL AND period_code IS NOT NULL";

    private readonly Dictionary<string, string> _councils;
    private readonly Dictionary<string, (string Council, string Code)> _byIndicator;
    private readonly bool _shared;
    private readonly FakeTimeProvider _clock = new();
    private readonly LocalFolderReturnStore _store;
    private readonly IngestReturnJob _job;
    private int _files;

    private LgbfWarehouse(LgbfSeries series, WarehouseDatabase warehouse, string folder, Dictionary<string, string> councils, bool shared)
    {
        Database = warehouse;
        _councils = councils;
        _shared = shared;
        _byIndicator = councils.SelectMany(c => series.Indicators.Select(i => (code: IndicatorCode(c.Value, i.Code), c.Key, i.Code)))
            .ToDictionary(x => x.code, x => (x.Key, x.Code), StringComparer.OrdinalIgnoreCase);
        _store = new LocalFolderReturnStore(Path.Combine(folder, "storage"), _clock);
        _job = new IngestReturnJob(warehouse, _store, _clock, NullLogger<IngestReturnJob>.Instance);
    }

    public WarehouseDatabase Database { get; }

    public static async Task<LgbfWarehouse> CreateAsync(LgbfSeries series, string folder, bool shared, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var councils = series.Councils.Select((name, i) => (name, code: string.Create(CultureInfo.InvariantCulture, $"SC{i + 1:00}"))).ToDictionary(c => c.name, c => c.code, StringComparer.Ordinal);
        var warehouse = new WarehouseDatabase(new WarehouseOptions { ConnectionString = $"Data Source={Path.Combine(folder, "warehouse.db")}" });
        await warehouse.MigrateAsync(cancellationToken);
        var first = series.Years.First();
        var framework = Framework(series, councils, shared);
        await using (var connection = await warehouse.OpenAsync(cancellationToken))
        {
            var loadedAt = new DateTimeOffset(first, 4, 1, 9, 0, 0, TimeSpan.Zero);
            await CatalogueLoader.LoadAsync(connection, framework, "lgbf.xlsx", FrameworkFingerprint.Of(framework), loadedAt, new DateOnly(first - 5, 4, 1), cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await PeriodDimension.EnsureAsync(connection, transaction, new FinancialYear(first - 5), new FinancialYear(2027), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return new LgbfWarehouse(series, warehouse, folder, councils, shared);
    }

    public static string IndicatorCode(string council, string lgbfCode) => $"{council}-{new string([.. lgbfCode.Where(char.IsAsciiLetterOrDigit)])}";

    /// <summary>
    /// Sends <paramref name="rows"/> for financial year <paramref name="year"/> on <paramref name="at"/>:
    /// one CSV per council (per service), or one for all when the service is shared, each ingested by the real job.
    /// </summary>
    public async Task<IReadOnlyList<IngestOutcome>> SendAsync(int year, IReadOnlyList<SentRow> rows, DateTimeOffset at, CancellationToken cancellationToken)
    {
        _clock.SetUtcNow(at);
        var outcomes = new List<IngestOutcome>();
        foreach (var file in rows.GroupBy(r => _shared ? "LGBF" : _councils[r.Council]))
        {
            var text = new StringBuilder("Indicator,Period,Value,Numerator,Denominator\n");
            foreach (var row in file)
            {
                text.Append(CultureInfo.InvariantCulture, $"{IndicatorCode(_councils[row.Council], row.Code)},{Period.Annual(year).Key},{row.Value},{row.Numerator},{row.Denominator}\n");
            }

            var path = ReturnPath.Parse(string.Create(CultureInfo.InvariantCulture, $"{file.Key}/lgbf-{year}-{++_files}.csv")).Path!;
            await using (var stream = new MemoryStream(Encoding.UTF8.GetBytes(text.ToString())))
            {
                await _store.DropAsync(path, stream, null, cancellationToken);
            }

            outcomes.Add(await _job.RunAsync(path.Name, cancellationToken));
        }

        return outcomes;
    }

    /// <summary>Every issue the warehouse holds on a row, by (council, LGBF code, financial year).</summary>
    public async Task<List<((string Council, string Code, int Year) Row, string RuleId)>> IssuesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        var issues = await connection.QueryAsync<(string Code, string Period, string RuleId)>(new CommandDefinition(IssuesSql, cancellationToken: cancellationToken));
        return [.. issues.Select(i => ((_byIndicator[i.Code].Council, _byIndicator[i.Code].Code, int.Parse(i.Period.AsSpan(0, 4), CultureInfo.InvariantCulture)), i.RuleId))];
    }

    private static Framework Framework(LgbfSeries series, Dictionary<string, string> councils, bool shared)
    {
        string ServiceOf(string council) => shared ? "LGBF" : council;
        var indicators = councils.SelectMany(c => series.Indicators.Select(i => new Indicator
        {
            Code = IndicatorCode(c.Value, i.Code),
            Name = i.Title,
            CouncilCode = c.Value,
            PriorityCode = "LGBF",
            ServiceCode = ServiceOf(c.Value),
            Type = IndicatorType.Quantitative,
            Unit = i.Unit,
            Polarity = i.LowerIsBetter ? Polarity.LowerIsBetter : Polarity.HigherIsBetter,
            Frequency = Frequency.Annual,
            Multiplier = i.Multiplier ?? 1m,
            Tolerance = Tolerance.Percent(5m),
            DueWorkingDays = 20,
            Source = Indicator.ReturnSource,
        })).ToList();
        var services = shared
            ? [new Service("LGBF", "Shared performance service", "Head of performance", "head.performance@example.gov.uk", null, null)]
            : councils.Select(c => new Service(c.Value, c.Key + " performance", "Head of " + c.Key, $"head.{c.Value.ToLowerInvariant()}@example.gov.uk", null, null)).ToList();
        return new Framework(
            [.. councils.Select(c => new Council(c.Value, c.Key))],
            [.. councils.Select(c => new Priority(c.Value, "LGBF", "Benchmarking", null, null))],
            services,
            indicators,
            []);
    }
}
