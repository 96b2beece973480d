// Parsing proves a runtime statement is T-SQL; it does not prove Azure SQL has the tables and columns
// it names. Here each statement becomes a stored procedure in the DacFx model of sql/sqlserver, its
// Dapper parameters declared (StatementProcedure), and DacFx resolves every name in it against that
// schema: an unknown table or column is SQL71501/SQL71502 naming the statement.
//
// Two things are outside the check, each for a stated reason:
//   - Pmf.Pipeline.Samples: the demo's sample service-system database (a SQLite file of its own), not
//     the warehouse;
//   - system objects (INFORMATION_SCHEMA views, sp_getapplock): DacFx knows them only from a reference
//     to master.dacpac, which the feed does not serve. Only messages about those objects are set aside;
//     anything else in the same statement is still checked.
using System.Text.RegularExpressions;
using Microsoft.SqlServer.Dac.Model;
using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.Warehouse;

public sealed partial class RuntimeSqlResolutionTests(RuntimeSqlResolutionTests.Validated validated) : IClassFixture<RuntimeSqlResolutionTests.Validated>
{
    /// <summary>A statement with a misspelt column, added to the model to show the check can fail.</summary>
    private const string CanaryName = "Canary.MisspeltColumnSql";

    private const string CanarySql = "SELECT council_nme FROM dim_council WHERE council_code = @CouncilCode";

    [Fact]
    public void Every_runtime_statement_names_only_tables_and_columns_the_sqlserver_schema_has()
    {
        var problems = validated.Problems.Where(p => p.Statement != CanaryName).Select(p => $"  {p.Statement}: {p.Message}").ToList();

        Assert.True(validated.Statements > 100, $"only {validated.Statements} runtime statements found; the scan has lost some");
        Assert.True(problems.Count == 0, $"{problems.Count} unresolved reference(s) in {validated.Statements} runtime statements:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void A_statement_naming_a_column_the_schema_lacks_is_reported_with_its_name()
    {
        var canary = Assert.Single(validated.Problems, p => p.Statement == CanaryName);

        Assert.Matches("^SQL7150[12] ", canary.Message);
        Assert.Contains("[council_nme]", canary.Message, StringComparison.Ordinal);
    }

    /// <summary>The model with every runtime statement and the canary added, validated once for the class.</summary>
    public sealed class Validated
    {
        private static readonly string[] SystemObjects = ["[INFORMATION_SCHEMA].", "[dbo].[sp_getapplock]"];

        public Validated()
        {
            var statements = RuntimeStatements.Portable()
                .Where(s => !s.Name.StartsWith("Pmf.Pipeline.Samples.", StringComparison.Ordinal))
                .Append((CanaryName, CanarySql))
                .ToList();
            Statements = statements.Count - 1;

            using var model = SqlServerModel.Build(SqlServerVersion.SqlAzure);
            foreach (var (name, sql) in statements)
            {
                model.AddObjects(StatementProcedure.Wrap(name, sql));
            }

            Problems = model.Validate()
                .Select(m => (Statement: StatementOf(m.Message), Message: $"{m.Prefix}{m.Number} {m.Message}"))
                .Where(p => p.Statement is not null && !AboutSystemObjectsOnly(p.Message))
                .Select(p => (p.Statement!, p.Message))
                .ToList();
        }

        public int Statements { get; }

        public IReadOnlyList<(string Statement, string Message)> Problems { get; }

        private static string? StatementOf(string message) => ProcedureName().Match(message) is { Success: true } m ? m.Groups["name"].Value : null;

        private static bool AboutSystemObjectsOnly(string message)
        {
            var tail = message[(ProcedureName().Match(message) is { Success: true } m ? m.Index + m.Length : 0)..];
            var references = ObjectReference().Matches(tail).Select(r => r.Value).ToList();
            return references.Count > 0 && references.All(r => SystemObjects.Any(s => r.StartsWith(s, StringComparison.OrdinalIgnoreCase)));
        }
    }

    [GeneratedRegex(@"Procedure: \[dbo\]\.\[(?<name>[^\]]+)\]")]
    private static partial Regex ProcedureName();

    [GeneratedRegex(@"\[[^\]]*\](?:\.\[[^\]]*\])*(?:::\[[^\]]*\])?")]
    private static partial Regex ObjectReference();
}
