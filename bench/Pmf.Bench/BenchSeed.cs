using System.Data.Common;
using Dapper;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Scoring;

namespace Pmf.Bench;

/// <summary>
/// What the sweep, typical-return and national benches share to seed a warehouse straight, without the
/// ingest: a measure of the catalogue, the one submission the seeded results hang from, and the
/// results themselves through one prepared INSERT.
/// </summary>
internal sealed class BenchSeed : IAsyncDisposable
{
    private readonly DbCommand _insert;
    private readonly DbParameter[] _parameters;

    private BenchSeed(DbCommand insert, DbParameter[] parameters)
    {
        _insert = insert;
        _parameters = parameters;
    }

    /// <summary>A quantitative count of one council's service, as every bench catalogue holds them.</summary>
    public static Indicator Measure(string code, string name, string council, string service, Polarity polarity, Frequency frequency) => new()
    {
        Code = code,
        Name = name,
        CouncilCode = council,
        PriorityCode = "P1",
        ServiceCode = service,
        Type = IndicatorType.Quantitative,
        Unit = Unit.Count,
        Polarity = polarity,
        Frequency = frequency,
        Multiplier = 1m,
        Tolerance = Tolerance.Percent(5m),
        DueWorkingDays = 10,
        Source = Indicator.ReturnSource,
    };

    /// <summary>Writes the seeding submission (id 1) and prepares the insert of current results under it.</summary>
    public static async Task<BenchSeed> BeginAsync(DbConnection connection, DbTransaction transaction, string hash, string service, string receivedAt)
    {
        await connection.ExecuteAsync("""
            INSERT INTO submission (content_hash, source_kind, service_code, file_name, sender, received_at, processed_at, verdict,
                                    rows_read, rows_loaded, rows_rejected, warnings, errors)
            VALUES (@Hash, 'Return', @Service, 'seeded.csv', 'bench', @ReceivedAt, @ReceivedAt, 'Accepted', 0, 0, 0, 0, 0)
            """, new { Hash = hash, Service = service, ReceivedAt = receivedAt }, transaction);
        var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO fact_result (indicator_key, indicator_code, period_key, council_key, service_key, result_value, target_value,
                                     rag, direction_vs_previous, direction_vs_last_year, is_nil_return, submission_id, is_current, loaded_at)
            VALUES (@k, @c, @p, @co, @s, @v, 100, @rag, @dir, @dirYear, 0, 1, 1, @at)
            """;
        var parameters = new[] { "@k", "@c", "@p", "@co", "@s", "@v", "@rag", "@dir", "@dirYear", "@at" }.Select(name =>
        {
            var p = insert.CreateParameter();
            p.ParameterName = name;
            insert.Parameters.Add(p);
            return p;
        }).ToArray();
        parameters[9].Value = receivedAt;
        return new BenchSeed(insert, parameters);
    }

    /// <summary>The indicators to seed results for: key, code, council and service keys, polarity.</summary>
    public static async Task<List<(long Key, string Code, long Council, long Service, string Polarity)>> IndicatorsAsync(DbConnection connection, DbTransaction transaction) =>
        [.. await connection.QueryAsync<(long, string, long, long, string)>(
            "SELECT indicator_key, indicator_code, council_key, service_key, polarity FROM dim_indicator", transaction: transaction)];

    public Task AddAsync((long Key, string Code, long Council, long Service, string Polarity) indicator, Period period, decimal value, string rag, string? direction, string? directionYear)
    {
        _parameters[0].Value = indicator.Key;
        _parameters[1].Value = indicator.Code;
        _parameters[2].Value = period.SortKey;
        _parameters[3].Value = indicator.Council;
        _parameters[4].Value = indicator.Service;
        _parameters[5].Value = value;
        _parameters[6].Value = rag;
        _parameters[7].Value = (object?)direction ?? DBNull.Value;
        _parameters[8].Value = (object?)directionYear ?? DBNull.Value;
        return _insert.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync() => _insert.DisposeAsync();
}
