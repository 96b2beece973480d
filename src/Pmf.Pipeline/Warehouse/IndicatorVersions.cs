using System.Data.Common;
using Dapper;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Scoring;

namespace Pmf.Pipeline.Warehouse;

/// <summary>Rebuilds <see cref="Indicator"/> definitions, version by version, from <c>dim_indicator</c> and its dimensions.</summary>
internal static class IndicatorVersions
{
    internal const string VersionsSql = """
        SELECT i.indicator_code, i.indicator_name, i.description, c.council_code, p.priority_code, p.objective_code,
               s.service_code, i.indicator_type, i.unit, i.polarity, i.frequency, i.multiplier, i.tolerance_amount,
               i.tolerance_is_percent, i.due_working_days, i.source, i.lead_officer, i.committee, i.active_from,
               i.active_to, i.valid_from, i.valid_to, i.percent_beyond_range, i.accumulation
        FROM dim_indicator i
        INNER JOIN dim_council c ON c.council_key = i.council_key
        INNER JOIN dim_priority p ON p.priority_key = i.priority_key
        INNER JOIN dim_service s ON s.service_key = i.service_key
        ORDER BY i.indicator_code, i.valid_from
        """;

    /// <summary>Every indicator's versions by code (ignoring case), oldest first.</summary>
    public static async Task<Dictionary<string, IReadOnlyList<IndicatorVersion>>> ReadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var byCode = new Dictionary<string, List<IndicatorVersion>>(StringComparer.OrdinalIgnoreCase);
        await using (var reader = await connection.ExecuteReaderAsync(new CommandDefinition(VersionsSql, cancellationToken: cancellationToken)))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var version = Read(reader);
                if (!byCode.TryGetValue(version.Definition.Code, out var list))
                {
                    byCode[version.Definition.Code] = list = [];
                }

                list.Add(version);
            }
        }

        return byCode.ToDictionary(p => p.Key, p => (IReadOnlyList<IndicatorVersion>)p.Value, StringComparer.OrdinalIgnoreCase);
    }

    private static IndicatorVersion Read(DbDataReader r)
    {
        var code = r.GetString(0);
        var definition = new Indicator
        {
            Code = code,
            Name = r.GetString(1),
            Description = Columns.Text(r, 2),
            CouncilCode = r.GetString(3),
            PriorityCode = r.GetString(4),
            ObjectiveCode = Columns.Text(r, 5) is { Length: > 0 } objective ? objective : null,
            ServiceCode = r.GetString(6),
            Type = Enum.Parse<IndicatorType>(r.GetString(7), ignoreCase: true),
            Unit = IndicatorTerms.TryUnit(r.GetString(8), out var unit) ? unit : throw Unreadable(code, "unit", r.GetString(8)),
            Polarity = IndicatorTerms.TryPolarity(r.GetString(9), out var polarity) ? polarity : throw Unreadable(code, "polarity", r.GetString(9)),
            Frequency = IndicatorTerms.TryFrequency(r.GetString(10), out var frequency) ? frequency : throw Unreadable(code, "frequency", r.GetString(10)),
            Multiplier = Columns.Decimal(r, 11),
            Tolerance = new Tolerance(Columns.Decimal(r, 12), Columns.Flag(r, 13)),
            DueWorkingDays = Columns.Int(r, 14),
            Source = r.GetString(15),
            LeadOfficer = Columns.Text(r, 16),
            Committee = Columns.Text(r, 17),
            ActiveFrom = Columns.NullableDate(r, 18),
            ActiveTo = Columns.NullableDate(r, 19),
            PercentBeyondRange = Columns.Flag(r, 22),
            Accumulation = r.GetString(23) switch
            {
                "Year to date" => Accumulation.YearToDate,
                "Snapshot" => Accumulation.Snapshot,
                _ => Accumulation.PerPeriod,
            },
        };
        return new IndicatorVersion(definition, Columns.Date(r, 20), Columns.NullableDate(r, 21));
    }

    private static WarehouseException Unreadable(string code, string column, string value) =>
        new($"dim_indicator holds {column} '{value}' for {code}, which the pipeline does not recognise; reload the catalogue.", null);
}
