using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Scoring;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Bench;

/// <summary>
/// One service with enough monthly indicators that N rows are N distinct (indicator, period) pairs:
/// 100 past months each by default, so a million-row return is 10,000 indicators × 100 months.
/// </summary>
internal sealed class BenchScenario
{
    public const string Service = "BEN";

    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private const int DefaultMonths = 100;

    private readonly int _rows;
    private readonly int _months;
    private readonly List<Period> _periods;

    private BenchScenario(Framework framework, int rows, List<Period> periods)
    {
        _months = periods.Count;
        Framework = framework;
        _rows = rows;
        _periods = periods;
        Context = new GateContext
        {
            SenderService = Service,
            AsOf = DateOnly.FromDateTime(Now.UtcDateTime),
            Indicators = framework.Indicators.ToDictionary(
                i => i.Code, i => (IReadOnlyList<IndicatorVersion>)[new IndicatorVersion(i, CatalogueLoader.BeginningOfTime, null)], StringComparer.OrdinalIgnoreCase),
            Targets = new Dictionary<(string, string), Target>(),
            History = new Dictionary<string, IReadOnlyList<HistoricResult>>(StringComparer.OrdinalIgnoreCase),
        };
    }

    public Framework Framework { get; }

    /// <summary>
    /// The return's rows, made as they are written: a million held in a list cost 32 MB, which every
    /// mode's peak working set used to include although the ingest never holds them.
    /// </summary>
    public IEnumerable<(string Indicator, string Period, decimal Value)> Rows()
    {
        for (var i = 0; i < _rows; i++)
        {
            // Each indicator's months in order, so history rules see a plausible series.
            yield return (Framework.Indicators[i / _months].Code, _periods[i % _months].Key, 100 + (i % 7));
        }
    }

    public GateContext Context { get; }

    /// <summary>N rows of <paramref name="months"/> months an indicator (the CLI comparison uses 200: 1,000 indicators at 200,000 rows).</summary>
    public static BenchScenario Create(int rows, int months = DefaultMonths)
    {
        var indicatorCount = Math.Max(1, (rows + months - 1) / months);
        var indicators = Enumerable.Range(1, indicatorCount)
            .Select(n => BenchSeed.Measure($"BEN-{n:00000}", $"Benchmark measure {n}", "BEN", Service, Polarity.HigherIsBetter, Frequency.Monthly))
            .ToList();
        var framework = new Framework(
            [new Council("BEN", "Benchmark Borough Council")],
            [new Priority("BEN", "P1", "Benchmarks", null, null)],
            [new Service(Service, "Benchmarking", "Bea Marks", "bea.marks@example.gov.uk", null, null)],
            indicators,
            []);
        var last = Period.Containing(DateOnly.FromDateTime(Now.UtcDateTime), Frequency.Monthly).Previous();
        var periods = Enumerable.Range(0, months).Select(back => Enumerable.Range(0, back).Aggregate(last, (p, _) => p.Previous())).Reverse().ToList();
        return new BenchScenario(framework, rows, periods);
    }

    /// <summary>The calendar dimensions for the benchmark's periods, as a warehouse in service already has them.</summary>
    public async Task PrepareCalendarAsync(WarehouseDatabase warehouse)
    {
        await using var connection = await warehouse.OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        var first = FinancialYear.Containing(DateOnly.FromDateTime(Now.UtcDateTime).AddMonths(-_months - 12));
        await PeriodDimension.EnsureAsync(connection, transaction, first, FinancialYear.Containing(DateOnly.FromDateTime(Now.UtcDateTime)).NextYear(), CancellationToken.None);
        await transaction.CommitAsync();
    }

    public async Task LoadCatalogueAsync(WarehouseDatabase warehouse)
    {
        await using var connection = await warehouse.OpenAsync(CancellationToken.None);
        await CatalogueLoader.LoadAsync(connection, Framework, "bench.xlsx", FrameworkFingerprint.Of(Framework), Now, DateOnly.FromDateTime(Now.UtcDateTime), CancellationToken.None);
    }
}
