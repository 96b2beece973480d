using Dapper;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Warehouse;

/// <summary>
/// Migration 0022 rebuilds SQLite's follow_up (and follow_up_event) to key milestone follow-ups by milestone:
/// a warehouse upgraded from 0021 keeps every follow-up, its id and its history.
/// </summary>
public sealed class FollowUpRekeyMigrationTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Upgrading_keeps_every_follow_up_and_its_history_and_lets_a_second_milestone_of_the_quarter_in()
    {
        var database = new WarehouseDatabase(new WarehouseOptions { ConnectionString = $"Data Source={_folder.File("pmf.db")}" });
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            var before = database.Dialect.CreateUpgrader(connection.ConnectionString, connection)
                .WithScripts(WarehouseScripts.For(database.Dialect.Name).Where(s => string.CompareOrdinal(s.Name, "0022") < 0))
                .WithVariablesDisabled().WithTransaction().LogToNowhere().Build().PerformUpgrade();
            Assert.True(before.Successful, before.Error?.Message);
            await using var transaction = await connection.BeginTransactionAsync();
            await PeriodDimension.EnsureAsync(connection, transaction, new FinancialYear(2026), new FinancialYear(2026), CancellationToken.None);
            await connection.ExecuteAsync("""
                INSERT INTO dim_service (service_code, service_name, head_of_service, head_of_service_email) VALUES ('COM', 'Communities', 'Nadia Rahman', 'nadia@example.gov.uk');
                INSERT INTO follow_up (kind, indicator_code, period_key, service_key, owner_email, raised_at, due_at, status, escalation_level, last_changed_at, detail, notified_at)
                VALUES ('Milestone', 'VWH-A03', @Q1, 1, 'nadia@example.gov.uk', '2026-11-23 09:00:00', '2026-05-31', 'Open', 2, '2026-11-23 09:00:00', 'Works complete', '2026-11-23 09:05:00'),
                       ('Late', 'VWH-COM-01', @Q1, 1, 'nadia@example.gov.uk', '2026-11-23 09:00:00', '2026-07-28', 'Resolved', 1, '2026-11-24 09:00:00', NULL, NULL);
                INSERT INTO follow_up_event (follow_up_id, occurred_at, action, status, escalation_level, actor, note, actor_email)
                VALUES (1, '2026-11-23 09:00:00', 'Raised', 'Open', 1, 'sweep', 'Works complete', NULL),
                       (1, '2026-11-24 09:00:00', 'Acknowledged', 'Open', 2, 'Nadia Rahman', 'On it', 'nadia@example.gov.uk');
                """, new { Q1 = Period.Quarter(2026, 1).SortKey }, transaction);
            await transaction.CommitAsync();
        }

        var upgrade = await database.MigrateAsync(CancellationToken.None);

        Assert.Equal(["0022_finance_restatement_and_milestone_follow_ups.sql"], upgrade.ScriptsApplied.Where(s => s.StartsWith("0022", StringComparison.Ordinal)));
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            var kept = await connection.QueryAsync<(long Id, string Kind, string Subject, long Level, string? NotifiedAt)>(
                "SELECT follow_up_id, kind, subject, escalation_level, notified_at FROM follow_up ORDER BY follow_up_id");
            Assert.Equal([(1L, "Milestone", "Works complete", 2L, (string?)"2026-11-23 09:05:00"), (2L, "Late", "", 1L, null)], kept);
            Assert.Equal([1L, 1L], await connection.QueryAsync<long>("SELECT follow_up_id FROM follow_up_event ORDER BY follow_up_event_id"));
            Assert.Equal([null, "nadia@example.gov.uk"], await connection.QueryAsync<string?>("SELECT actor_email FROM follow_up_event ORDER BY follow_up_event_id")); // 0021's column kept

            Assert.Equal(2L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM v_follow_up"));

            // The second milestone of the quarter is its own follow-up; an event for no follow-up is still refused.
            await connection.ExecuteAsync("""
                INSERT INTO follow_up (kind, indicator_code, period_key, service_key, owner_email, raised_at, status, escalation_level, last_changed_at, detail, subject)
                VALUES ('Milestone', 'VWH-A03', @Q1, 1, 'nadia@example.gov.uk', '2026-11-25 09:00:00', 'Open', 1, '2026-11-25 09:00:00', 'Pool reopened', 'Pool reopened')
                """, new { Q1 = Period.Quarter(2026, 1).SortKey });
            await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => connection.ExecuteAsync(
                "INSERT INTO follow_up_event (follow_up_id, occurred_at, action, status, escalation_level) VALUES (99, '2026-11-25', 'Raised', 'Open', 1)"));
        }
    }
}
