using System.Text.RegularExpressions;

namespace Pmf.Pipeline.PowerBi;

/// <summary>How TMDL and DAX spell object names: plain when a simple identifier, else in single quotes (a quote doubled).</summary>
public static partial class TmdlName
{
    /// <summary>The name as TMDL writes it after an object keyword or in a <c>Table.Column</c> reference.</summary>
    public static string Quote(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Simple().IsMatch(name) ? name : "'" + name.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    /// <summary>A table in DAX: always quoted, which is valid for every name.</summary>
    public static string DaxTable(string table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return "'" + table.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    /// <summary>A text literal in M or DAX: in double quotes, a quote doubled.</summary>
    public static string Text(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Simple();
}
