// The T-SQL schema is checked offline: DacFx builds a model of what sql/sqlserver leaves behind and
// validates it (unresolved names, bad types, broken keys). DacFx models are declarative, and what
// we found feeding it DbUp-style migrations decides the rule below:
//   - ALTER TABLE … ADD <column> is refused (SQL70645: columns must be declared by CREATE TABLE);
//   - ALTER TABLE … ADD CONSTRAINT is accepted;
//   - DROP, sp_rename and INSERT/UPDATE/DELETE are accepted and silently ignored, so a model built
//     from them would describe tables the database no longer has.
//
// RULE for every script in sql/sqlserver (SqlServerModel enforces it and names the offending line):
//   1. End every statement with GO: SQL Server wants CREATE VIEW/PROCEDURE/FUNCTION alone in a batch,
//      and DbUp splits scripts on GO.
//   2. Use only statements that describe the schema: CREATE TABLE, INDEX, VIEW, PROCEDURE, FUNCTION,
//      SCHEMA, and ALTER TABLE … ADD (new columns, constraints or indexes). The test folds each ALTER
//      TABLE ADD into its table's CREATE TABLE before building the model.
//   3. Nothing else. A migration that must drop, rename, alter a column or move data first teaches
//      SqlServerModel to replay that statement on the model, in the same change.
//      Replayed so far: DROP TABLE (0007 rebuilds the sweep_period_due work table with a new key);
//      INSERT and UPDATE, which move data and leave the schema alone (0010 backfills target versions);
//      ALTER TABLE … DROP CONSTRAINT of a named table constraint (0022 re-keys follow_up).
// Keep sql/sqlite in step: SqlServer_and_SQLite_schemas_have_the_same_tables_and_columns checks it.
using Dapper;
using Microsoft.SqlServer.Dac;
using Microsoft.SqlServer.Dac.Model;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Warehouse;

public sealed class SqlServerSchemaTests
{
    [Theory]
    [InlineData(SqlServerVersion.SqlAzure)]
    [InlineData(SqlServerVersion.Sql160)]
    public void DacFx_validates_the_sqlserver_schema_with_no_errors(SqlServerVersion version)
    {
        using var model = SqlServerModel.Build(version);

        var errors = model.Validate().Where(m => m.MessageType == DacMessageType.Error).ToList();

        Assert.True(errors.Count == 0, $"DacFx found {errors.Count} error(s) in sql/sqlserver:\n" + string.Join("\n", errors.Select(e => "  " + e)));
    }

    [Fact]
    public void Every_sqlserver_script_parses_as_TSql160()
    {
        var scripts = WarehouseScripts.For(WarehouseOptions.SqlServer);

        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            Assert.NotEmpty(SqlServerModel.Parse(script.Name, script.Contents));
        }
    }

    [Fact]
    public async Task SqlServer_and_SQLite_schemas_have_the_same_tables_and_columns()
    {
        using var model = SqlServerModel.Build(SqlServerVersion.SqlAzure);
        var sqlServer = model.GetObjects(DacQueryScopes.UserDefined, ModelSchema.Table)
            .SelectMany(table => table.GetReferenced(Table.Columns).Select(column =>
                $"{table.Name.Parts[^1]}.{column.Name.Parts[^1]} {(column.GetProperty<bool>(Column.Nullable) ? "NULL" : "NOT NULL")}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        using var folder = new TempFolder();
        var database = new WarehouseDatabase(new WarehouseOptions { ConnectionString = $"Data Source={folder.File("twin.db")}" });
        await database.MigrateAsync(CancellationToken.None);
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var sqlite = (await connection.QueryAsync<string>(
                """
                SELECT t.name || '.' || c.name || CASE WHEN c."notnull" = 1 OR c.pk > 0 THEN ' NOT NULL' ELSE ' NULL' END
                FROM sqlite_master AS t, pragma_table_info(t.name) AS c
                WHERE t.type = 'table' AND t.name NOT LIKE 'sqlite_%' AND t.name <> 'schema_versions'
                """))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(sqlite, sqlServer);
    }
}
