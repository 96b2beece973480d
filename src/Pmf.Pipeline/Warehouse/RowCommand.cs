using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Pmf.Pipeline.Warehouse;

/// <summary>Runs a command prepared once per load for one row.</summary>
internal static class RowCommand
{
    /// <summary>
    /// Microsoft.Data.Sqlite's async methods run synchronously anyway, and their task plumbing cost a
    /// third of the per-row time in the 100,000-row load; SQLite runs in-process, so there is no I/O to
    /// wait for. Other engines keep real async.
    /// </summary>
    public static async ValueTask ExecuteAsync(DbCommand command, CancellationToken cancellationToken)
    {
        if (command is SqliteCommand sqlite)
        {
            sqlite.ExecuteNonQuery();
            return;
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
