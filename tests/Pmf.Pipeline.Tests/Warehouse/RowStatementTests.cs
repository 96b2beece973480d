using System.Data;
using Dapper;
using Microsoft.Data.Sqlite;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Warehouse;

/// <summary>
/// The embedded warehouse's inserts bind by position with SQLite's own API; whatever goes in must be
/// stored exactly as Microsoft.Data.Sqlite's named parameters store it, storage class included, or
/// comparisons, RAG and direction of travel would see different values by path.
/// </summary>
public sealed class RowStatementTests : IDisposable
{
    private const string CreateSql = """
        CREATE TABLE t (path TEXT NOT NULL, n NUMERIC NULL, x TEXT NULL, i INTEGER NULL, b INTEGER NULL, d TEXT NULL)
        """;

    private const string InsertSql = "INSERT INTO t (path, n, x, i, b, d) VALUES (@Path, @N, @X, @I, @B, @D)";

    private static readonly (string, DbType)[] Columns =
        [("@Path", DbType.String), ("@N", DbType.Decimal), ("@X", DbType.String), ("@I", DbType.Int64), ("@B", DbType.Boolean), ("@D", DbType.DateTime2)];

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<decimal?> Decimals() =>
    [
        null, 0m, 85m, 85.50m, 0.1m, -0.000001m, 1234567.123456m, 100.000m, 1e-20m, -42m, decimal.MaxValue, decimal.MinValue,
        123456789012345.123456m, 0.333333333333333333333333333m,
    ];

    public static TheoryData<string?> Texts() =>
    [
        null, "", "Green", "£1,234.50 — café 😀", "=SUM(A1)", "tab\there\r\nnew line\u0001\u001f", "\uD800 lone surrogate", new string('x', 100_000),
    ];

    [Theory]
    [MemberData(nameof(Decimals))]
    public Task A_decimal_is_stored_as_named_parameters_store_it(decimal? value) =>
        AssertSameRowAsync(insert => insert.Set(1, value));

    [Theory]
    [MemberData(nameof(Texts))]
    public Task Text_is_stored_as_named_parameters_store_it(string? value) =>
        AssertSameRowAsync(insert => insert.Set(2, value));

    [Theory]
    [InlineData(null)]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(long.MaxValue)]
    public Task A_whole_number_is_stored_as_named_parameters_store_it(long? value) =>
        AssertSameRowAsync(insert => insert.Set(3, value));

    [Theory]
    [InlineData(null)]
    [InlineData(true)]
    [InlineData(false)]
    public Task A_flag_is_stored_as_named_parameters_store_it(bool? value) =>
        AssertSameRowAsync(insert => insert.Set(4, value));

    [Fact]
    public Task A_time_is_stored_as_named_parameters_store_it() =>
        AssertSameRowAsync(insert => insert.Set(5, new DateTime(2026, 12, 2, 21, 3, 4, DateTimeKind.Utc).AddTicks(1_234_567)));

    [Fact]
    public async Task Row_after_row_each_value_is_stored_as_named_parameters_store_it_whether_it_changed_or_not()
    {
        // Values repeat, change, go to null and come back, as a load's columns do from row to row: the
        // positional statement binds only what changed, and every row must still hold its own values.
        (decimal? N, string? X, long? I, bool? B, DateTime D)[] rows =
        [
            (85m, "Green", 1, true, new DateTime(2026, 12, 2, 21, 3, 4, DateTimeKind.Utc)),
            (85.0m, "Green", 1, true, new DateTime(2026, 12, 2, 21, 3, 4, DateTimeKind.Utc)),
            (85.50m, "Green", 2, false, new DateTime(2026, 12, 2, 21, 3, 4, DateTimeKind.Utc)),
            (null, null, null, null, new DateTime(2026, 12, 2, 21, 3, 5, DateTimeKind.Utc)),
            (85.5m, "Green", 2, false, new DateTime(2026, 12, 2, 21, 3, 5, DateTimeKind.Utc)),
            (0m, "Amber", 2, false, new DateTime(2026, 12, 2, 21, 3, 5, DateTimeKind.Local)),
            (new decimal(0, 0, 0, isNegative: true, scale: 1), "Amber", 2, null, new DateTime(2026, 12, 2, 21, 3, 5, DateTimeKind.Local)),
            (85m, new string(['G', 'r', 'e', 'e', 'n']), 1, true, new DateTime(2026, 12, 2, 21, 3, 4, DateTimeKind.Utc)),
        ];
        using var connection = Open();
        using (var positional = RowStatement.Prepare(connection, null, InsertSql, Columns))
        using (var named = RowStatement.ThroughAdoNet(connection, null, InsertSql, Columns))
        {
            foreach (var (insert, path) in new[] { (positional, "positional"), (named, "named") })
            {
                insert.Set(0, path);
                foreach (var row in rows)
                {
                    insert.Set(1, row.N);
                    insert.Set(2, row.X);
                    insert.Set(3, row.I);
                    insert.Set(4, row.B);
                    insert.Set(5, row.D);
                    await insert.ExecuteAsync(CancellationToken.None);
                }
            }
        }

        var stored = connection.Query<(string Path, string Stored)>(
            "SELECT path, quote(n) || typeof(n) || quote(x) || typeof(x) || quote(i) || typeof(i) || quote(b) || typeof(b) || quote(d) || typeof(d) FROM t ORDER BY rowid")
            .ToLookup(r => r.Path, r => r.Stored);
        Assert.Equal(rows.Length, stored["positional"].Count());
        Assert.Equal(stored["named"], stored["positional"]);
    }

    [Fact]
    public async Task A_refused_row_throws_SQLite_s_error_and_the_statement_runs_again_afterwards()
    {
        using var connection = Open();
        connection.Execute("CREATE TRIGGER refuse BEFORE INSERT ON t WHEN NEW.x = 'bad' BEGIN SELECT RAISE(ABORT, 'row refused by test'); END");
        using var insert = RowStatement.Prepare(connection, null, InsertSql, Columns);
        insert.Set(0, "positional");
        insert.Set(2, "bad");

        var refused = await Assert.ThrowsAsync<SqliteException>(() => insert.ExecuteAsync(CancellationToken.None).AsTask());
        insert.Set(2, "good");
        await insert.ExecuteAsync(CancellationToken.None);

        Assert.Contains("row refused by test", refused.Message);
        Assert.Equal(19, refused.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Equal(["good"], connection.Query<string>("SELECT x FROM t"));
    }

    [Fact]
    public void A_parameter_the_statement_does_not_have_is_refused_when_prepared()
    {
        using var connection = Open();

        var error = Assert.Throws<ArgumentException>(() => RowStatement.Prepare(connection, null, InsertSql, ("@Path", DbType.String), ("@Missing", DbType.String)));

        Assert.Contains("@Missing", error.Message);
    }

    private async Task AssertSameRowAsync(Action<RowStatement> set)
    {
        using var connection = Open();
        using (var positional = RowStatement.Prepare(connection, null, InsertSql, Columns))
        using (var named = RowStatement.ThroughAdoNet(connection, null, InsertSql, Columns))
        {
            Assert.NotEqual(positional.GetType(), named.GetType());
            foreach (var (insert, path) in new[] { (positional, "positional"), (named, "named") })
            {
                insert.Set(0, path);
                set(insert);
                await insert.ExecuteAsync(CancellationToken.None);
            }
        }

        var rows = connection.Query<(string Path, string Stored)>(
            "SELECT path, quote(n) || typeof(n) || quote(x) || typeof(x) || quote(i) || typeof(i) || quote(b) || typeof(b) || quote(d) || typeof(d) FROM t ORDER BY path")
            .ToDictionary(r => r.Path, r => r.Stored);
        Assert.Equal(rows["named"], rows["positional"]);
    }

    private SqliteConnection Open()
    {
        Directory.CreateDirectory(_folder.Path);
        var connection = new SqliteConnection($"Data Source={_folder.File("rows.db")}");
        connection.Open();
        connection.Execute(CreateSql);
        return connection;
    }
}
