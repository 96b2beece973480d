using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Warehouse;

public sealed class CurrentResultTests : IDisposable
{
    private const string InsertResultSql = """
        INSERT INTO fact_result (indicator_key, indicator_code, period_key, council_key, service_key, rag,
                                 is_nil_return, submission_id, is_current, loaded_at)
        VALUES (1, 'ASC01', 202510, 1, 1, 'Green', 0, @submission, @current, '2025-07-20T09:00:00.000Z')
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_second_current_result_for_the_same_indicator_and_period_is_rejected()
    {
        await using var connection = await SeededAsync();
        await connection.ExecuteAsync(InsertResultSql, new { submission = 1, current = 1 });

        var error = await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync(InsertResultSql, new { submission = 2, current = 1 }));

        Assert.Contains("UNIQUE constraint failed: fact_result.indicator_code, fact_result.period_key", error.Message);
    }

    [Fact]
    public async Task Superseded_results_stay_beside_the_current_one()
    {
        await using var connection = await SeededAsync();
        await connection.ExecuteAsync(InsertResultSql, new { submission = 1, current = 0 });
        await connection.ExecuteAsync(InsertResultSql, new { submission = 2, current = 0 });
        await connection.ExecuteAsync(InsertResultSql, new { submission = 2, current = 1 });

        Assert.Equal(3, await connection.QuerySingleAsync<int>("SELECT COUNT(*) FROM fact_result"));
    }

    private async Task<DbConnection> SeededAsync()
    {
        var database = new WarehouseDatabase(new WarehouseOptions { ConnectionString = $"Data Source={_folder.File("pmf.db")}" });
        await database.MigrateAsync(CancellationToken.None);
        var connection = await database.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(
            """
            INSERT INTO catalogue_load VALUES (1, 'catalogue.xlsx', 'h', '2025-04-01T00:00:00.000Z', '2025-04-01', 1, 1, 1, 1, 0, 1);
            INSERT INTO dim_council (council_key, council_code, council_name) VALUES (1, 'E06000001', 'Hartlepool');
            INSERT INTO dim_priority VALUES (1, 1, 'P1', 'Thriving places', '', NULL);
            INSERT INTO dim_service VALUES (1, 'ASC', 'Adult social care', 'A Head', 'head@example.gov.uk', NULL, NULL);
            INSERT INTO dim_indicator (indicator_key, indicator_code, indicator_name, council_key, priority_key, service_key,
                indicator_type, unit, polarity, frequency, multiplier, tolerance_amount, tolerance_is_percent,
                due_working_days, source, valid_from, is_current, definition_hash, catalogue_load_id)
            VALUES (1, 'ASC01', 'Reviews on time', 1, 1, 1, 'Quantitative', '%', 'Higher is better', 'Quarterly',
                1, 5, 1, 10, 'Return', '2025-04-01', 1, 'd', 1);
            INSERT INTO dim_period VALUES (202510, '2025/26 Q1', 'Quarterly', '2025/26', 1, 'Apr-Jun 2025',
                '2025-04-01', '2025-06-30', 20250401, 20250630, 202414, 202411);
            INSERT INTO submission (submission_id, content_hash, source_kind, file_name, sender, received_at, processed_at,
                verdict, rows_read, rows_loaded, rows_rejected, warnings, errors)
            VALUES (1, 'a', 'Return', 'q1.xlsx', 'asc@example.gov.uk', '2025-07-20T09:00:00.000Z', '2025-07-20T09:00:01.000Z', 'Accepted', 1, 1, 0, 0, 0),
                   (2, 'b', 'Return', 'q1-v2.xlsx', 'asc@example.gov.uk', '2025-07-21T09:00:00.000Z', '2025-07-21T09:00:01.000Z', 'Accepted', 1, 1, 0, 0, 0);
            """);
        return connection;
    }
}
