using System.Data;
using System.Data.Common;

namespace Pmf.Pipeline.Warehouse;

/// <summary>
/// Typed parameters for a command that is prepared once and run per row. Types, sizes and decimal
/// precision are explicit because SQL Server's Prepare requires them; SQLite ignores what it need not know.
/// </summary>
internal static class CommandParameters
{
    public static DbParameter Add(DbCommand command, string name, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = DBNull.Value;
        switch (type)
        {
            case DbType.String:
                parameter.Size = -1;
                break;
            case DbType.Decimal:
                parameter.Precision = 19;
                parameter.Scale = 6;
                break;
        }

        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>Text cut to <paramref name="length"/> characters, ending in an ellipsis when cut.</summary>
    public static string? Clip(string? text, int length) =>
        text is null || text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");

    public static void Set(DbParameter parameter, object? value) => parameter.Value = value ?? DBNull.Value;
}
