using System.Data;
using System.Data.Common;
using System.Globalization;

namespace Pmf.Pipeline.Sources;

/// <summary>Pulls records from a database through any ADO.NET provider: runs the query for the window, picks out the mapped columns.</summary>
internal sealed class SqlSourceConnector(SourceDefinition source, SourceSecrets secrets) : ISourceConnector
{
    private readonly IReadOnlyList<string> _fields = MappedFields.Of(source.Mapping);

    public Task<IReadOnlyList<SourceRecord>> FetchAsync(SourceWindow window, int firstNumber, SourceCall resilience, CancellationToken cancellationToken) =>
        resilience.RunAsync(token => QueryAsync(window, firstNumber, token), cancellationToken);

    private async Task<IReadOnlyList<SourceRecord>> QueryAsync(SourceWindow window, int firstNumber, CancellationToken cancellationToken)
    {
        var factory = SqlProviders.Factory(source.Sql.Provider);
        await using var connection = factory.CreateConnection() ?? throw new ConfigurationProblemException($"The SQL provider '{source.Sql.Provider}' cannot make connections.");
        connection.ConnectionString = secrets.Get(source.Name, source.Sql.ConnectionStringSetting, "connection string");
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = source.Sql.Query;
        command.CommandTimeout = Math.Max(1, (int)Math.Ceiling(source.Resilience.Timeout.TotalSeconds));
        var dates = SqlProviders.TakesDateOnly(source.Sql.Provider);
        Add(command, "@periodStart", window.Start, dates);
        Add(command, "@periodEnd", window.End, dates);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var ordinals = _fields
            .Select(f => (Field: f, Ordinal: columns.FindIndex(c => string.Equals(c, f, StringComparison.OrdinalIgnoreCase))))
            .Where(x => x.Ordinal >= 0)
            .ToList();
        var records = new List<SourceRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var fields = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var (field, ordinal) in ordinals)
            {
                fields[field] = Cell(reader.IsDBNull(ordinal) ? null : reader.GetValue(ordinal));
            }

            records.Add(new SourceRecord(firstNumber + records.Count, $"{window}, row {records.Count + 1}", fields, columns, window.PeriodKey));
        }

        return records;
    }

    private static void Add(DbCommand command, string name, DateOnly date, bool asDateOnly)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = DbType.Date;
        // SQLite compares text, so a date must bind as yyyy-MM-dd (a DateTime would carry 00:00:00).
        parameter.Value = asDateOnly ? date : date.ToDateTime(TimeOnly.MinValue);
        command.Parameters.Add(parameter);
    }

    private static object? Cell(object? value) => value switch
    {
        null => null,
        string text => text,
        DateTime date => date,
        DateTimeOffset date => date.UtcDateTime,
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
