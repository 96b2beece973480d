using System.Text.RegularExpressions;
using Pmf.Pipeline.PowerBi;

namespace Pmf.Pipeline.Tests.PowerBi;

/// <summary>
/// What a security role lets through, evaluated in SQL over the reporting views as Power BI evaluates it
/// over the model: a table's rows are those its own filter keeps, and whose key finds a visible row of
/// every filtered table it relates to (a filter on a dimension reaches the facts through the
/// relationships; a fact row whose key finds no visible row, a blank key included, is not seen).
/// The role filters are read from the generated TMDL; the DAX forms the generator writes are translated
/// (a column equal to a text or to USERPRINCIPALNAME(), PATHCONTAINS, ||, &amp;&amp;) and any other is an error.
/// </summary>
public sealed partial class RoleFilterSql(GeneratedProject model)
{
    /// <summary>The SQL selecting the rows of <paramref name="table"/> the role sees; <c>@user</c> is the signed-in e-mail.</summary>
    public string Visible(TmdlObject role, string table) =>
        $"SELECT * FROM {View(table)} AS t WHERE {Condition(role, table, "t")}";

    /// <summary>Whether the role sees <paramref name="table"/> whole (no filter on it or on any table it relates to).</summary>
    public bool Unrestricted(TmdlObject role, string table) => Condition(role, table, "t") == "1 = 1";

    private string Condition(TmdlObject role, string table, string alias)
    {
        var conditions = new List<string>();
        var filter = role.All("tablePermission").SingleOrDefault(p => p.Name == table)?.Expression;
        if (filter is not null)
        {
            conditions.Add("(" + Translate(filter, table, alias) + ")");
        }

        foreach (var relationship in PmfModel.Relationships.Where(r => r.FromTable == table))
        {
            var inner = alias + "x";
            var dimension = Condition(role, relationship.ToTable, inner);
            if (dimension != "1 = 1")
            {
                conditions.Add($"{alias}.\"{relationship.FromColumn}\" IN (SELECT {inner}.\"{relationship.ToColumn}\" FROM {View(relationship.ToTable)} AS {inner} WHERE {dimension})");
            }
        }

        return conditions.Count == 0 ? "1 = 1" : string.Join(" AND ", conditions);
    }

    private static string Translate(string dax, string table, string alias) =>
        string.Concat(Operator().Split(dax).Select(part => part switch
        {
            "||" => " OR ",
            "&&" => " AND ",
            _ when PathContains().Match(part) is { Success: true } path =>
                $"('|' || {Column(path.Groups["table"].Value, path.Groups["column"].Value, table, alias)} || '|') LIKE ('%|' || {Text(path.Groups["text"].Value)} || '|%')",
            _ when EqualsTerm().Match(part) is { Success: true } equals =>
                $"{Column(equals.Groups["table"].Value, equals.Groups["column"].Value, table, alias)} = {(equals.Groups["upn"].Success ? "@user" : Text(equals.Groups["text"].Value))}",
            _ => throw new Xunit.Sdk.XunitException($"The role filter '{dax}' has a form this evaluator does not know: '{part}'"),
        }));

    private static string Column(string table, string column, string expected, string alias)
    {
        Assert.Equal(expected, table.Replace("''", "'", StringComparison.Ordinal));
        return $"{alias}.\"{column}\"";
    }

    private static string Text(string dax) => "'" + dax.Replace("\"\"", "\"", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";

    private string View(string table)
    {
        Assert.Contains(model.Tables, t => t.Name == table);
        return PmfModel.Tables.Single(t => t.Name == table).View;
    }

    [GeneratedRegex(@"\s*(\|\||&&)\s*")]
    private static partial Regex Operator();

    [GeneratedRegex("""^PATHCONTAINS\('(?<table>(?:[^']|'')+)'\[(?<column>[^\]]+)\], "(?<text>(?:[^"]|"")*)"\)$""")]
    private static partial Regex PathContains();

    [GeneratedRegex("""^'(?<table>(?:[^']|'')+)'\[(?<column>[^\]]+)\] = (?:"(?<text>(?:[^"]|"")*)"|(?<upn>USERPRINCIPALNAME\(\)))$""")]
    private static partial Regex EqualsTerm();
}
