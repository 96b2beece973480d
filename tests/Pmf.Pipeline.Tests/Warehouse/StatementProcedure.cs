using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Pmf.Pipeline.Tests.Warehouse;

/// <summary>
/// A runtime statement as DacFx can check it: the body of a stored procedure whose parameters are the
/// statement's Dapper parameters (every @variable it reads but does not DECLARE). They are typed
/// sql_variant: DacFx resolves names, not value types, and the check is about tables and columns.
/// </summary>
internal static class StatementProcedure
{
    /// <summary>CREATE PROCEDURE [dbo].[<paramref name="name"/>] wrapping <paramref name="sql"/>.</summary>
    public static string Wrap(string name, string sql)
    {
        var parameters = Parameters(name, sql);
        var declared = parameters.Count == 0 ? "" : "\n    " + string.Join(",\n    ", parameters.Select(p => $"{p} sql_variant = NULL"));
        return $"CREATE PROCEDURE [dbo].[{name}]{declared}\nAS\nBEGIN\n{sql}\nEND";
    }

    /// <summary>The @variables the statement reads and does not declare itself, in first-use order.</summary>
    public static IReadOnlyList<string> Parameters(string name, string sql)
    {
        var fragment = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"{name} does not parse as T-SQL: {errors[0].Message} (line {errors[0].Line})");
        }

        var finder = new VariableFinder();
        fragment.Accept(finder);
        return finder.Used.Where(v => !finder.Declared.Contains(v)).ToList();
    }

    private sealed class VariableFinder : TSqlFragmentVisitor
    {
        public List<string> Used { get; } = [];

        public HashSet<string> Declared { get; } = new(StringComparer.OrdinalIgnoreCase);

        public override void Visit(VariableReference node)
        {
            if (!Used.Contains(node.Name, StringComparer.OrdinalIgnoreCase))
            {
                Used.Add(node.Name);
            }
        }

        public override void Visit(DeclareVariableElement node) => Declared.Add(node.VariableName.Value);

        public override void Visit(DeclareTableVariableBody node) => Declared.Add(node.VariableName.Value);

        // In EXEC proc @Name = value, @Name is the procedure's parameter, not one of ours: visit the value only.
        public override void ExplicitVisit(ExecuteParameter node) => node.ParameterValue?.Accept(this);
    }
}
