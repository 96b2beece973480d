using Dapper;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Warehouse;

public sealed class WarehouseMigrationTests : IDisposable
{
    private static readonly string[] SchemaTables =
    [
        "alert_log", "catalogue_load", "committee_item", "dim_action", "dim_committee", "dim_council", "dim_date", "dim_indicator", "dim_milestone", "dim_period", "dim_priority",
        "dim_service", "dq_issue", "dq_issue_count", "fact_action_progress", "fact_finance", "fact_result", "finance_restatement", "fact_target", "follow_up", "follow_up_event", "schema_versions", "sender_feedback", "submission",
        "sweep_flag", "sweep_nation", "sweep_period_due", "target_rescore", "target_version", "publication_step", "restatement", "result_note",
        "source_run", "source_watermark", "service_return_contact", "web_audit",
    ];

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Migrating_an_empty_file_creates_every_table_of_the_schema()
    {
        var database = Sqlite("pmf.db");

        var outcome = await database.MigrateAsync(CancellationToken.None);

        Assert.Equal(MigrationState.Created, outcome.State);
        Assert.Equal(WarehouseScripts.For(WarehouseOptions.Sqlite).Select(s => s.Name), outcome.ScriptsApplied);
        Assert.Equal("0001_warehouse.sql", outcome.ScriptsApplied[0]);
        Assert.Equal(SchemaTables.Order(StringComparer.Ordinal), await TablesAsync(database));
    }

    [Fact]
    public async Task Migrating_twice_applies_nothing_the_second_time_and_keeps_the_data()
    {
        var database = Sqlite("pmf.db");
        await database.MigrateAsync(CancellationToken.None);
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("INSERT INTO dim_council (council_code, council_name) VALUES ('E06000001', 'Hartlepool')");
        }

        var second = await database.MigrateAsync(CancellationToken.None);

        Assert.Equal(MigrationState.AlreadyCurrent, second.State);
        Assert.Empty(second.ScriptsApplied);
        Assert.Equal($"The warehouse at {_folder.File("pmf.db")} is already current; no scripts were applied.", second.Summary);
        await using var check = await database.OpenAsync(CancellationToken.None);
        Assert.Equal("Hartlepool", await check.QuerySingleAsync<string>("SELECT council_name FROM dim_council"));
    }

    [Fact]
    public async Task A_fresh_SQLite_warehouse_creates_its_folder()
    {
        var database = Sqlite(Path.Combine("data", "warehouse", "pmf.db"));

        await database.MigrateAsync(CancellationToken.None);

        Assert.True(File.Exists(_folder.File(Path.Combine("data", "warehouse", "pmf.db"))));
    }

    [Fact]
    public async Task A_failing_script_names_the_warehouse_and_the_script_and_keeps_the_cause()
    {
        var database = Sqlite("pmf.db");
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("CREATE TABLE dim_date (date_key INTEGER PRIMARY KEY)");
        }

        var error = await Assert.ThrowsAsync<WarehouseException>(() => database.MigrateAsync(CancellationToken.None));

        Assert.StartsWith($"The warehouse at {_folder.File("pmf.db")} could not be upgraded: script 0001_warehouse.sql failed: ", error.Message);
        Assert.Contains("dim_date already exists", error.Message);
        Assert.NotNull(error.InnerException);
        Assert.Equal(["dim_date"], await TablesAsync(database));
    }

    private WarehouseDatabase Sqlite(string file) =>
        new(new WarehouseOptions { ConnectionString = $"Data Source={_folder.File(file)}" });

    private static async Task<string[]> TablesAsync(WarehouseDatabase database)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var tables = await connection.QueryAsync<string>(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
        return [.. tables];
    }
}
