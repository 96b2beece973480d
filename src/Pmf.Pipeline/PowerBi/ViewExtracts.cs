using System.Data.Common;
using System.Globalization;
using System.Text;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.PowerBi;

/// <summary>
/// Writes each reporting view as a CSV file (UTF-8, comma separated, quoted where needed, invariant
/// numbers, ISO dates; a text cell a spreadsheet would run as a formula is prefixed with <c>'</c> and
/// control characters become spaces, as in every CSV the pipeline writes), so the model can load from files where Power BI cannot reach the warehouse
/// (the embedded SQLite one).
/// </summary>
public static class ViewExtracts
{
    /// <summary>Writes <c>&lt;view&gt;.csv</c> for every table of the model into <paramref name="folder"/>.</summary>
    /// <param name="database">The warehouse.</param>
    /// <param name="views">The views' columns, to type the values as the model does.</param>
    /// <param name="folder">Where to write; created if missing.</param>
    /// <param name="cancellationToken">Stops the extract.</param>
    /// <returns>Rows written, by view.</returns>
    public static async Task<IReadOnlyDictionary<string, int>> WriteAsync(
        WarehouseDatabase database,
        IReadOnlyDictionary<string, IReadOnlyList<ViewColumn>> views,
        string folder,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(views);
        Directory.CreateDirectory(folder);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var table in PmfModel.Tables)
        {
            var types = views[table.View].ToDictionary(c => c.Name, c => c.DataType, StringComparer.Ordinal);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT * FROM " + ViewName(table.View); // the model's own view name, checked as an identifier

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await using var file = new StreamWriter(Path.Combine(folder, table.View + ".csv"), append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            counts[table.View] = await WriteAsync(reader, types, file, cancellationToken);
        }

        return counts;
    }

    private static async Task<int> WriteAsync(DbDataReader reader, Dictionary<string, string> types, StreamWriter file, CancellationToken cancellationToken)
    {
        var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        await file.WriteAsync(string.Join(",", names.Select(Field)) + "\r\n");
        var rows = 0;
        var line = new StringBuilder();
        while (await reader.ReadAsync(cancellationToken))
        {
            line.Clear();
            for (var i = 0; i < names.Count; i++)
            {
                if (i > 0)
                {
                    line.Append(',');
                }

                var type = types.GetValueOrDefault(names[i], TmdlDataType.String);
                var text = Text(reader.IsDBNull(i) ? null : reader.GetValue(i), type);
                line.Append(type == TmdlDataType.String ? SafeText.CsvField(text) : Field(text));
            }

            await file.WriteAsync(line.Append("\r\n").ToString());
            rows++;
        }

        return rows;
    }

    /// <summary>A value as the CSV holds it: invariant numbers, <c>yyyy-MM-dd</c> dates, <c>yyyy-MM-dd HH:mm:ss</c> UTC instants.</summary>
    internal static string Text(object? value, string dataType) => value switch
    {
        null => string.Empty,
        DateTime instant => instant.TimeOfDay == TimeSpan.Zero && dataType == TmdlDataType.DateTime
            ? instant.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : instant.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        string text when dataType == TmdlDataType.DateTime && text.Length > 10
            && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed)
            => parsed.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static string ViewName(string view) =>
        view.Length > 0 && view.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_')
            ? view
            : throw new ArgumentException($"'{view}' is not a view name.", nameof(view));

    private static string Field(string text) => SafeText.CsvQuoted(text);
}
