using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;

namespace Pmf.Pipeline.Warehouse;

/// <summary>
/// Loads a validated <see cref="Framework"/> into the warehouse dimensions in one transaction.
/// Councils, priorities and services are updated in place; indicators keep a type-2 history so an
/// old result stays measured under the definition in force for its period; targets are resolved
/// to the indicators' own periods.
/// </summary>
internal static class CatalogueLoader
{
    /// <summary>The day before any real period: the first version of an indicator is valid from here.</summary>
    public static readonly DateOnly BeginningOfTime = new(1900, 4, 1);

    internal const string LastLoadSql = """
        SELECT catalogue_load_id AS CatalogueLoadId, content_hash AS ContentHash
        FROM catalogue_load
        WHERE catalogue_load_id = (SELECT MAX(catalogue_load_id) FROM catalogue_load)
        """;

    internal const string InsertLoadSql = """
        INSERT INTO catalogue_load (file_name, content_hash, loaded_at, effective_from, councils, priorities, services,
                                    indicators, targets, indicator_versions_added)
        VALUES (@FileName, @ContentHash, @LoadedAt, @EffectiveFrom, @Councils, @Priorities, @Services,
                @Indicators, @Targets, @VersionsAdded)
        """;

    internal const string RecordVersionsSql = """
        UPDATE catalogue_load SET indicator_versions_added = @VersionsAdded WHERE catalogue_load_id = @CatalogueLoadId
        """;

    internal const string NewestLoadIdSql = "SELECT MAX(catalogue_load_id) FROM catalogue_load";

    internal const string UpdateCouncilSql = """
        UPDATE dim_council SET council_name = @Name, nation = @Nation
        WHERE council_code = @Code AND (council_name <> @Name OR nation <> @Nation)
        """;

    internal const string InsertCouncilSql = """
        INSERT INTO dim_council (council_code, council_name, nation)
        SELECT @Code, @Name, @Nation WHERE NOT EXISTS (SELECT 1 FROM dim_council WHERE council_code = @Code)
        """;

    internal const string UpdatePrioritySql = """
        UPDATE dim_priority
        SET priority_name = @Name, objective_name = @ObjectiveName
        WHERE council_key = (SELECT council_key FROM dim_council WHERE council_code = @CouncilCode)
          AND priority_code = @Code AND objective_code = @ObjectiveCode
        """;

    internal const string InsertPrioritySql = """
        INSERT INTO dim_priority (council_key, priority_code, priority_name, objective_code, objective_name)
        SELECT c.council_key, @Code, @Name, @ObjectiveCode, @ObjectiveName
        FROM dim_council c
        WHERE c.council_code = @CouncilCode
          AND NOT EXISTS (SELECT 1 FROM dim_priority p
                          WHERE p.council_key = c.council_key AND p.priority_code = @Code AND p.objective_code = @ObjectiveCode)
        """;

    internal const string UpdateServiceSql = """
        UPDATE dim_service
        SET service_name = @Name, head_of_service = @HeadOfService, head_of_service_email = @HeadOfServiceEmail,
            director = @Director, director_email = @DirectorEmail
        WHERE service_code = @Code
        """;

    internal const string InsertServiceSql = """
        INSERT INTO dim_service (service_code, service_name, head_of_service, head_of_service_email, director, director_email)
        SELECT @Code, @Name, @HeadOfService, @HeadOfServiceEmail, @Director, @DirectorEmail
        WHERE NOT EXISTS (SELECT 1 FROM dim_service WHERE service_code = @Code)
        """;

    internal const string DeleteReturnContactsSql = """
        DELETE FROM service_return_contact
        WHERE service_key IN (SELECT service_key FROM dim_service WHERE service_code = @Code)
        """;

    internal const string InsertReturnContactSql = """
        INSERT INTO service_return_contact (service_key, email)
        SELECT service_key, @Email FROM dim_service WHERE service_code = @Code
        """;

    internal const string CurrentIndicatorsSql = """
        SELECT indicator_key AS IndicatorKey, indicator_code AS Code, definition_hash AS DefinitionHash, valid_from AS ValidFrom
        FROM dim_indicator WHERE is_current = 1
        """;

    internal const string CloseIndicatorSql = """
        UPDATE dim_indicator SET valid_to = @EffectiveFrom, is_current = 0 WHERE indicator_key = @IndicatorKey
        """;

    internal const string DeleteIndicatorVersionSql = "DELETE FROM dim_indicator WHERE indicator_key = @IndicatorKey";

    internal const string InsertIndicatorSql = """
        INSERT INTO dim_indicator (indicator_code, indicator_name, description, council_key, priority_key, service_key,
                                   indicator_type, unit, polarity, frequency, multiplier, tolerance_amount, tolerance_is_percent,
                                   due_working_days, source, lead_officer, committee, active_from, active_to,
                                   valid_from, valid_to, is_current, definition_hash, catalogue_load_id, percent_beyond_range, accumulation)
        SELECT @Code, @Name, @Description, c.council_key, p.priority_key, s.service_key,
               @Type, @Unit, @Polarity, @Frequency, @Multiplier, @ToleranceAmount, @ToleranceIsPercent,
               @DueWorkingDays, @Source, @LeadOfficer, @Committee, @ActiveFrom, @ActiveTo,
               @ValidFrom, NULL, 1, @DefinitionHash, @CatalogueLoadId, @PercentBeyondRange, @Accumulation
        FROM dim_council c
        INNER JOIN dim_priority p ON p.council_key = c.council_key AND p.priority_code = @PriorityCode AND p.objective_code = @ObjectiveCode
        INNER JOIN dim_service s ON s.service_code = @ServiceCode
        WHERE c.council_code = @CouncilCode
        """;

    /// <summary>
    /// Loads <paramref name="framework"/>. When the newest catalogue load has the same
    /// <paramref name="contentHash"/>, nothing is written and the summary says so.
    /// </summary>
    public static async Task<CatalogueLoadSummary> LoadAsync(
        DbConnection connection,
        Framework framework,
        string fileName,
        string contentHash,
        DateTimeOffset loadedAt,
        DateOnly effectiveFrom,
        CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var last = await connection.QuerySingleOrDefaultAsync<(long CatalogueLoadId, string ContentHash)?>(
            new CommandDefinition(LastLoadSql, transaction: transaction, cancellationToken: cancellationToken));
        var targets = ResolveTargets(framework);
        if (last is { } previous && previous.ContentHash == contentHash)
        {
            return Summary(framework, targets.Count, previous.CatalogueLoadId, unchanged: true, (0, 0, 0), [], effectiveFrom);
        }

        var years = targets.Select(t => t.Period.Year)
            .Append(FinancialYear.Containing(effectiveFrom))
            .ToList();
        await PeriodDimension.EnsureAsync(connection, transaction, years.Min().Previous(), years.Max().NextYear(), cancellationToken);

        var loadId = await InsertLoadAsync(connection, transaction, framework, fileName, contentHash, loadedAt, effectiveFrom, targets.Count, cancellationToken);
        await UpsertAsync(connection, transaction, UpdateCouncilSql, InsertCouncilSql,
            framework.Councils.Select(c => new { c.Code, c.Name, Nation = NationNames.Text(c.Nation) }), cancellationToken);
        var priorityRows = PriorityRows(framework);
        await UpsertAsync(connection, transaction, UpdatePrioritySql, InsertPrioritySql, priorityRows, cancellationToken);
        await UpsertAsync(connection, transaction, UpdateServiceSql, InsertServiceSql, framework.Services, cancellationToken);
        await ReplaceReturnContactsAsync(connection, transaction, framework.Services, cancellationToken);
        var (added, changed, retired) = await LoadIndicatorsAsync(connection, transaction, framework, loadId, effectiveFrom, cancellationToken);
        await ActionLoader.LoadAsync(connection, transaction, framework, cancellationToken);
        await CommitteeLoader.LoadAsync(connection, transaction, framework, cancellationToken);

        await connection.ExecuteAsync(new CommandDefinition(
            RecordVersionsSql, new { VersionsAdded = added + changed, CatalogueLoadId = loadId }, transaction, cancellationToken: cancellationToken));
        var targetChanges = await TargetVersions.LoadAsync(connection, transaction, targets, loadId, effectiveFrom, cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return Summary(framework, targets.Count, loadId, unchanged: false, (added, changed, retired), targetChanges, effectiveFrom);
    }

    /// <summary>
    /// A target for a financial year applies to every period of the indicator's frequency in that
    /// year (for a year-to-date indicator, in proportion to the part of the year gone: a quarter of it
    /// at Q1, half at Q2); a target for a specific period overrides it (a profile).
    /// </summary>
    internal static List<ResolvedTarget> ResolveTargets(Framework framework)
    {
        var indicators = framework.Indicators.ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
        var resolved = new Dictionary<(string, int), ResolvedTarget>();
        foreach (var target in framework.Targets.OrderBy(t => t.Period.Frequency == Frequency.Annual ? 0 : 1))
        {
            if (!indicators.TryGetValue(target.IndicatorCode, out var indicator))
            {
                continue;
            }

            var frequency = indicator.Frequency;
            var isYear = target.Period.Frequency == Frequency.Annual;
            List<Period> periods = isYear ? [.. Period.In(target.Period.Year, frequency)] : [target.Period];
            for (var n = 0; n < periods.Count; n++)
            {
                // A year-to-date indicator's year-end target, unprofiled, builds up evenly through the year.
                var share = isYear && indicator.Accumulation == Accumulation.YearToDate ? (n + 1m) / periods.Count : 1m;
                resolved[(target.IndicatorCode, periods[n].SortKey)] = new ResolvedTarget(
                    target.IndicatorCode, periods[n], Profiled(target.Value, share), target.AmberThreshold is { } amber ? Profiled(amber, share) : null,
                    isYear && frequency != Frequency.Annual ? "Year" : "Period", target);
            }
        }

        return [.. resolved.Values];
    }

    private static decimal Profiled(decimal value, decimal share) => share == 1m ? value : Math.Round(value * share, 2);

    /// <summary>A stable fingerprint of everything that defines how an indicator is measured and reported.</summary>
    internal static string DefinitionHash(Indicator i)
    {
        var canonical = string.Join(
            '\u001f',
            i.Code, i.Name, i.Description, i.CouncilCode, i.PriorityCode, i.ObjectiveCode, i.ServiceCode, i.Type, i.Unit, i.Polarity,
            i.Frequency, i.Multiplier.ToString(CultureInfo.InvariantCulture), i.Tolerance.ToString(), i.DueWorkingDays.ToString(CultureInfo.InvariantCulture),
            i.Source, i.LeadOfficer, i.Committee, i.ActiveFrom?.ToString("O", CultureInfo.InvariantCulture), i.ActiveTo?.ToString("O", CultureInfo.InvariantCulture))
            // Appended only when set, so a catalogue without the column keeps every indicator's hash (and version).
            + (i.PercentBeyondRange ? "\u001fpercent beyond 0-100" : string.Empty)
            + (i.Accumulation == Accumulation.PerPeriod ? string.Empty : "\u001f" + AccumulationCell.Text(i.Accumulation));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static async Task<(int Added, int Changed, int Retired)> LoadIndicatorsAsync(
        DbConnection connection, DbTransaction transaction, Framework framework, long loadId, DateOnly effectiveFrom, CancellationToken cancellationToken)
    {
        var current = (await connection.QueryAsync<CurrentIndicator>(new CommandDefinition(CurrentIndicatorsSql, transaction: transaction, cancellationToken: cancellationToken)))
            .ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);
        int added = 0, changed = 0;
        var inserts = new List<object>();
        foreach (var indicator in framework.Indicators)
        {
            var hash = DefinitionHash(indicator);
            var validFrom = effectiveFrom;
            if (current.Remove(indicator.Code, out var existing))
            {
                if (existing.DefinitionHash == hash)
                {
                    continue;
                }

                changed++;
                // A second change on the same effective day replaces that day's version instead of stacking one.
                var sql = DateOnly.FromDateTime(existing.ValidFrom) >= effectiveFrom ? DeleteIndicatorVersionSql : CloseIndicatorSql;
                await connection.ExecuteAsync(new CommandDefinition(sql, new { existing.IndicatorKey, EffectiveFrom = effectiveFrom }, transaction, cancellationToken: cancellationToken));
            }
            else
            {
                added++;
                validFrom = BeginningOfTime;
            }

            inserts.Add(IndicatorRow(indicator, hash, validFrom, loadId));
        }

        await connection.ExecuteAsync(new CommandDefinition(InsertIndicatorSql, inserts, transaction, cancellationToken: cancellationToken));
        foreach (var retired in current.Values)
        {
            await connection.ExecuteAsync(new CommandDefinition(CloseIndicatorSql, new { retired.IndicatorKey, EffectiveFrom = effectiveFrom }, transaction, cancellationToken: cancellationToken));
        }

        return (added, changed, current.Count);
    }

    private static object IndicatorRow(Indicator i, string hash, DateOnly validFrom, long loadId) => new
    {
        i.Code,
        i.Name,
        i.Description,
        i.CouncilCode,
        i.PriorityCode,
        ObjectiveCode = i.ObjectiveCode ?? string.Empty,
        i.ServiceCode,
        Type = i.Type.ToString(),
        Unit = CatalogueWorkbookWriter.UnitText(i.Unit),
        Polarity = CatalogueWorkbookWriter.PolarityText(i.Polarity),
        Frequency = i.Frequency.ToString(),
        i.Multiplier,
        ToleranceAmount = i.Tolerance.Amount,
        ToleranceIsPercent = i.Tolerance.IsPercentOfTarget,
        i.DueWorkingDays,
        i.Source,
        i.LeadOfficer,
        i.Committee,
        i.ActiveFrom,
        i.ActiveTo,
        ValidFrom = validFrom,
        DefinitionHash = hash,
        CatalogueLoadId = loadId,
        i.PercentBeyondRange,
        Accumulation = AccumulationCell.Text(i.Accumulation),
    };

    private static IEnumerable<object> PriorityRows(Framework framework)
    {
        // Every priority has a row of its own (objective_code '') for indicators that name no objective.
        var themes = framework.Priorities
            .GroupBy(p => (p.CouncilCode, p.Code))
            .Select(g => new { CouncilCode = g.Key.CouncilCode, g.Key.Code, g.First().Name, ObjectiveCode = string.Empty, ObjectiveName = (string?)null });
        var objectives = framework.Priorities
            .Where(p => !string.IsNullOrEmpty(p.ObjectiveCode))
            .Select(p => new { p.CouncilCode, p.Code, p.Name, ObjectiveCode = p.ObjectiveCode!, p.ObjectiveName });
        return themes.Concat(objectives).ToList();
    }

    private static async Task UpsertAsync(DbConnection connection, DbTransaction transaction, string updateSql, string insertSql, IEnumerable<object> rows, CancellationToken cancellationToken)
    {
        var list = rows as IReadOnlyCollection<object> ?? [.. rows];
        await connection.ExecuteAsync(new CommandDefinition(updateSql, list, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(insertSql, list, transaction, cancellationToken: cancellationToken));
    }

    // Each service's contacts are the sheet's as it stands: one removed from the cell loses the service's pages.
    private static async Task ReplaceReturnContactsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<Service> services, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(DeleteReturnContactsSql, services.Select(s => new { s.Code }).ToList(), transaction, cancellationToken: cancellationToken));
        var rows = services.SelectMany(s => s.ReturnContacts.Select(e => new { s.Code, Email = e.ToLowerInvariant() })).ToList();
        await connection.ExecuteAsync(new CommandDefinition(InsertReturnContactSql, rows, transaction, cancellationToken: cancellationToken));
    }

    private static async Task<long> InsertLoadAsync(
        DbConnection connection, DbTransaction transaction, Framework framework, string fileName, string contentHash,
        DateTimeOffset loadedAt, DateOnly effectiveFrom, int targets, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            InsertLoadSql,
            new
            {
                FileName = fileName,
                ContentHash = contentHash,
                LoadedAt = loadedAt.UtcDateTime,
                EffectiveFrom = effectiveFrom,
                Councils = framework.Councils.Count,
                Priorities = framework.Priorities.Count,
                Services = framework.Services.Count,
                Indicators = framework.Indicators.Count,
                Targets = targets,
                VersionsAdded = 0, // set once the indicators are loaded
            },
            transaction,
            cancellationToken: cancellationToken));
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(NewestLoadIdSql, transaction: transaction, cancellationToken: cancellationToken));
    }

    private static CatalogueLoadSummary Summary(
        Framework f, int targets, long loadId, bool unchanged, (int Added, int Changed, int Retired) indicators, IReadOnlyList<TargetChange> targetChanges, DateOnly effectiveFrom) =>
        new(unchanged, loadId, f.Councils.Count, f.Priorities.Count, f.Services.Count, f.Indicators.Count, targets, indicators.Added, indicators.Changed, indicators.Retired, effectiveFrom)
        {
            TargetChanges = targetChanges,
        };

    /// <summary>A catalogue target applied to one of the indicator's periods; <paramref name="Source"/> is the row as the catalogue writes it.</summary>
    internal sealed record ResolvedTarget(string IndicatorCode, Period Period, decimal Value, decimal? AmberThreshold, string SetFor, Target Source);

    private sealed class CurrentIndicator
    {
        public long IndicatorKey { get; init; }

        public string Code { get; init; } = "";

        public string DefinitionHash { get; init; } = "";

        public DateTime ValidFrom { get; init; }
    }
}
