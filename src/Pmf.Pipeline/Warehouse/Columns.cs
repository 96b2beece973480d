using System.Data.Common;
using System.Globalization;

namespace Pmf.Pipeline.Warehouse;

/// <summary>
/// Reads columns the same way from both engines: keys are <c>int</c> on SQL Server and 64-bit on SQLite,
/// dates are <c>date</c> on SQL Server and ISO text on SQLite, flags are <c>bit</c> or 0/1.
/// </summary>
internal static class Columns
{
    public static long Long(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static int Int(DbDataReader reader, int ordinal) => Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static bool Flag(DbDataReader reader, int ordinal) => Convert.ToBoolean(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static decimal Decimal(DbDataReader reader, int ordinal) => reader.GetDecimal(ordinal);

    public static decimal? NullableDecimal(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDecimal(ordinal);

    public static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static DateOnly Date(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateOnly>(ordinal);

    public static DateOnly? NullableDate(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateOnly>(ordinal);

    /// <summary>A time the warehouse stored in UTC (both engines hand it back without its kind).</summary>
    public static DateTimeOffset Instant(DbDataReader reader, int ordinal) =>
        new(DateTime.SpecifyKind(reader.GetFieldValue<DateTime>(ordinal), DateTimeKind.Utc));

    /// <summary>A NUMERIC column read through Dapper as <c>object</c>: SQLite hands it back whole or floating row by row.</summary>
    public static decimal? Number(object? value) =>
        value is null or DBNull ? null : Convert.ToDecimal(value, CultureInfo.InvariantCulture);
}
