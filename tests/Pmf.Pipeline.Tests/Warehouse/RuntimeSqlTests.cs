// Every SQL statement the product sends at run time is a const string whose name ends in "Sql",
// declared beside the code that runs it. Unless it is declared in SqliteDialect (SQLite-only by
// design), it must also be T-SQL, so Azure SQL accepts exactly what the SQLite tests exercised;
// outside SqlServerDialect it must not use TOP either (T-SQL that SQLite rejects).
// Portable SQL: INSERT … SELECT, UPDATE/DELETE … WHERE EXISTS; never INSERT OR REPLACE, ON CONFLICT,
// TOP or LIMIT. Engine-specific SQL belongs in the dialects.
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Pmf.Pipeline.Tests.Support;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Warehouse;

public sealed class RuntimeSqlTests
{
    [Fact]
    public void Every_runtime_SQL_statement_outside_the_SQLite_dialect_parses_as_TSql160()
    {
        var failures = new List<string>();
        foreach (var (name, sql) in RuntimeStatements.Portable())
        {
            var fragment = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
            if (errors.Count > 0)
            {
                failures.Add($"{name}:\n" + string.Join("\n", errors.Select(e => $"    line {e.Line} col {e.Column}: {e.Message}")) + $"\n    {sql}");
            }
            else if (!name.StartsWith(typeof(SqlServerDialect).FullName + ".", StringComparison.Ordinal)
                && fragment.ScriptTokenStream.Any(token => token.TokenType == TSqlTokenType.Top))
            {
                failures.Add($"{name}:\n    TOP is SQL Server only; portable SQL must not use it (SQLite would reject it)\n    {sql}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} runtime statement(s) are not T-SQL:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void The_scan_finds_the_SQL_Server_dialect_statements_and_skips_the_SQLite_ones()
    {
        var names = RuntimeStatements.Portable().Select(s => s.Name).ToList();

        Assert.Contains($"{typeof(SqlServerDialect).FullName}.LastInsertedIdSql", names);
        Assert.DoesNotContain(names, n => n.StartsWith(typeof(SqliteDialect).FullName + ".", StringComparison.Ordinal));
    }
}
