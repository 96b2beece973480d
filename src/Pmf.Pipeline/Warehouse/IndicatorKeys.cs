using System.Data.Common;
using Pmf.Pipeline.Calendar;

namespace Pmf.Pipeline.Warehouse;

/// <summary>
/// Every version of every indicator, held for one load so each result finds its dimension keys in
/// memory: a few thousand small rows, against a file that may have a million.
/// </summary>
internal sealed class IndicatorKeys
{
    internal const string VersionsSql = """
        SELECT indicator_key, indicator_code, valid_from, valid_to, council_key, service_key
        FROM dim_indicator
        ORDER BY indicator_code, valid_from
        """;

    private readonly Dictionary<string, List<IndicatorKey>> _byCode;
    private string? _lastCode;
    private List<IndicatorKey>? _lastVersions;

    private IndicatorKeys(Dictionary<string, List<IndicatorKey>> byCode) => _byCode = byCode;

    public static async Task<IndicatorKeys> LoadAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var byCode = new Dictionary<string, List<IndicatorKey>>(StringComparer.OrdinalIgnoreCase);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = VersionsSql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = new IndicatorKey(
                Columns.Long(reader, 0),
                reader.GetString(1),
                Columns.Date(reader, 2),
                Columns.NullableDate(reader, 3),
                Columns.Long(reader, 4),
                Columns.Long(reader, 5));
            if (!byCode.TryGetValue(key.Code, out var versions))
            {
                byCode[key.Code] = versions = [];
            }

            versions.Add(key);
        }

        return new IndicatorKeys(byCode);
    }

    /// <summary>
    /// The version in force on the period's last day; failing that the newest version, as
    /// <c>GateContext.DefinitionFor</c> chooses, so the gate and the loader agree on the definition.
    /// Null when the catalogue has never had the indicator.
    /// </summary>
    public IndicatorKey? Find(string code, Period period)
    {
        // A load asks for the same indicator row after row (as one string, the catalogue's): the last one is remembered.
        List<IndicatorKey>? versions;
        if (ReferenceEquals(code, _lastCode))
        {
            versions = _lastVersions!;
        }
        else if (_byCode.TryGetValue(code, out versions))
        {
            (_lastCode, _lastVersions) = (code, versions);
        }
        else
        {
            return null;
        }

        for (var i = versions.Count - 1; i >= 0; i--)
        {
            var v = versions[i];
            if (v.ValidFrom <= period.End && (v.ValidTo is null || period.End < v.ValidTo))
            {
                return v;
            }
        }

        return versions[^1];
    }
}

/// <summary>One indicator version's keys, as a result row needs them.</summary>
internal sealed record IndicatorKey(long Key, string Code, DateOnly ValidFrom, DateOnly? ValidTo, long CouncilKey, long ServiceKey);
