using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Pmf.Pipeline.Samples;

/// <summary>Writes the demo revenues system's database: a SQLite file with one table of monthly KPI figures.</summary>
internal static class SampleRevenuesDatabase
{
    internal const string CreateTableSql = """
        CREATE TABLE revenues_kpi (kpi TEXT NOT NULL, period_start TEXT NOT NULL, period_label TEXT NOT NULL,
                                   collected NUMERIC NULL, due NUMERIC NULL, result NUMERIC NOT NULL, note TEXT NULL)
        """;

    internal const string InsertFigureSql = """
        INSERT INTO revenues_kpi (kpi, period_start, period_label, collected, due, result, note)
        VALUES (@Kpi, @Start, @Label, @Collected, @Due, @Result, @Note)
        """;

    public static async Task CreateAsync(string path, IReadOnlyList<SampleSourceFigure> figures, CancellationToken cancellationToken)
    {
        File.Delete(path);
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(CreateTableSql, transaction: transaction, cancellationToken: cancellationToken));
        foreach (var f in figures)
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertFigureSql, new
            {
                Kpi = f.IndicatorCode,
                Start = f.Period.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Label = f.Period.Key,
                Collected = f.Numerator,
                Due = f.Denominator,
                Result = f.Value,
                f.Note,
            }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
