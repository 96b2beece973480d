using Dapper;
using Microsoft.Data.Sqlite;
using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.Sources;

/// <summary>A real SQLite file standing in for a revenues system's database: monthly collection figures.</summary>
public sealed class ServiceSystemDatabase : IDisposable
{
    public const string Query = """
        SELECT kpi AS indicator, month AS period, pct AS value, collected AS numerator, due AS denominator
        FROM collections WHERE month_start BETWEEN @periodStart AND @periodEnd ORDER BY kpi, month_start
        """;

    private readonly TempFolder _folder = new();

    public string ConnectionString => $"Data Source={_folder.File("revenues.db")};Pooling=False";

    public static async Task<ServiceSystemDatabase> CreateAsync(params (string Kpi, string MonthStart, decimal? Collected, decimal? Due, decimal? Pct)[] rows)
    {
        var db = new ServiceSystemDatabase();
        await using var connection = new SqliteConnection(db.ConnectionString);
        await connection.ExecuteAsync("CREATE TABLE collections (kpi TEXT, month_start TEXT, month TEXT, collected REAL, due REAL, pct REAL)");
        foreach (var r in rows)
        {
            await connection.ExecuteAsync(
                "INSERT INTO collections VALUES (@Kpi, @MonthStart, substr(@MonthStart, 1, 7), @Collected, @Due, @Pct)",
                new { r.Kpi, r.MonthStart, r.Collected, r.Due, r.Pct });
        }

        return db;
    }

    public void Dispose() => _folder.Dispose();
}
