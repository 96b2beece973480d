namespace Pmf.Pipeline.PowerBi;

/// <summary>
/// Maps a view column's warehouse type to a TMDL data type (<c>int64</c>, <c>double</c>, <c>dateTime</c>,
/// <c>boolean</c>, <c>string</c>).
/// </summary>
/// <remarks>
/// SQL Server names a type for every view column. SQLite keeps only declared types: a column copied
/// from a table has one (<c>INTEGER</c>, <c>NUMERIC</c>, <c>TEXT</c>), a computed one has none, and
/// dates are <c>TEXT</c>. So for SQLite the views' naming convention decides: a name ending in
/// <c>date</c> or <c> at</c> is a date or instant; a computed name ending in <c> key</c>, <c> id</c>,
/// <c> order</c>, <c> number</c>, <c> level</c> or <c> days</c> is a whole number; anything else is text.
/// </remarks>
public static class TmdlDataType
{
    /// <summary>Whole numbers.</summary>
    public const string Int64 = "int64";

    /// <summary>Decimal numbers (floating point in the model).</summary>
    public const string Double = "double";

    /// <summary>Dates and instants.</summary>
    public const string DateTime = "dateTime";

    /// <summary>True or false.</summary>
    public const string Boolean = "boolean";

    /// <summary>Text.</summary>
    public const string String = "string";

    private static readonly string[] WholeNumberSuffixes = [" key", " id", " order", " number", " level", " days"];

    /// <summary>The TMDL data type of a column named <paramref name="name"/> whose warehouse type is <paramref name="sourceType"/>.</summary>
    public static string Of(string name, string sourceType)
    {
        ArgumentNullException.ThrowIfNull(name);
        var type = (sourceType ?? string.Empty).Trim().ToUpperInvariant();
        var paren = type.IndexOf('(', StringComparison.Ordinal);
        if (paren >= 0)
        {
            type = type[..paren].Trim();
        }

        switch (type)
        {
            case "INT" or "INTEGER" or "BIGINT" or "SMALLINT" or "TINYINT":
                return Int64;
            case "NUMERIC" or "DECIMAL" or "REAL" or "FLOAT" or "DOUBLE" or "MONEY" or "SMALLMONEY":
                return Double;
            case "DATE" or "DATETIME" or "DATETIME2" or "SMALLDATETIME" or "DATETIMEOFFSET":
                return DateTime;
            case "BIT":
                return Boolean;
            case "" when EndsWithAny(name, WholeNumberSuffixes):
                return Int64;
            case "" or "TEXT" when IsDateName(name):
                return DateTime;
            default:
                return String;
        }
    }

    /// <summary>Whether a value of the warehouse type <paramref name="sourceType"/> can load into <paramref name="dataType"/>.</summary>
    public static bool IsCompatible(string dataType, string sourceType) => Of(string.Empty, sourceType) switch
    {
        String => dataType is String or DateTime or Int64, // untyped or TEXT: checked by name and by value
        var exact => exact == dataType,
    };

    private static bool IsDateName(string name) =>
        name.EndsWith("date", StringComparison.OrdinalIgnoreCase) || name.EndsWith(" at", StringComparison.OrdinalIgnoreCase);

    private static bool EndsWithAny(string name, string[] suffixes) =>
        suffixes.Any(suffix => name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));
}
