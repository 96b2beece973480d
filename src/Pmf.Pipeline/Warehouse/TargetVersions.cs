using System.Data.Common;
using Dapper;
using Pmf.Pipeline.Calendar;

namespace Pmf.Pipeline.Warehouse;

/// <summary>
/// Keeps every version of every target. A catalogue load compares each resolved target with the
/// newest version the warehouse holds for its indicator and period; a different value or amber
/// threshold becomes a new version from the target's <c>Changed from</c> day (else the load's
/// effective day) with its reason, beside the old one. <c>fact_target</c> is then rebuilt with the
/// version in force for each period: the newest whose day is on or before the period's last day, or
/// the first version when every one came later. Results already scored keep the version they were
/// judged against: only <see cref="TargetRescore"/> changes them, and records that it did.
/// </summary>
internal static class TargetVersions
{
    internal const string VersionsSql = """
        SELECT target_version_id AS Id, indicator_code AS IndicatorCode, period_key AS PeriodKey, target_value AS ValueRead,
               amber_threshold AS AmberRead, set_for AS SetFor, valid_from AS ValidFrom
        FROM target_version
        """;

    internal const string InsertVersionSql = """
        INSERT INTO target_version (indicator_code, period_key, target_value, amber_threshold, set_for, valid_from, reason,
                                    replaces_version_id, catalogue_load_id)
        VALUES (@IndicatorCode, @PeriodKey, @Value, @AmberThreshold, @SetFor, @ValidFrom, @Reason, @ReplacesVersionId, @CatalogueLoadId)
        """;

    internal const string CurrentTargetsSql = "SELECT indicator_code AS IndicatorCode, period_key AS PeriodKey, target_value AS Value FROM fact_target";

    internal const string DeleteTargetsSql = "DELETE FROM fact_target";

    internal const string InsertTargetSql = """
        INSERT INTO fact_target (indicator_code, period_key, target_value, amber_threshold, set_for, catalogue_load_id, target_version_id)
        VALUES (@IndicatorCode, @PeriodKey, @Value, @AmberThreshold, @SetFor, @CatalogueLoadId, @Id)
        """;

    /// <summary>Records new and changed targets as versions and rebuilds <c>fact_target</c>; returns the changes.</summary>
    public static async Task<IReadOnlyList<TargetChange>> LoadAsync(
        DbConnection connection,
        DbTransaction transaction,
        IReadOnlyList<CatalogueLoader.ResolvedTarget> targets,
        long loadId,
        DateOnly effectiveFrom,
        CancellationToken cancellationToken)
    {
        var versions = await ReadAsync(connection, transaction, cancellationToken);
        var inserts = new List<object>();
        var changes = new List<(CatalogueLoader.ResolvedTarget Target, StoredVersion? Old, DateOnly From)>();
        foreach (var target in targets)
        {
            var newest = versions.GetValueOrDefault((target.IndicatorCode, target.Period.SortKey))?[^1];
            if (newest is not null && newest.Value == target.Value && newest.AmberThreshold == target.AmberThreshold)
            {
                continue;
            }

            var validFrom = newest is null ? CatalogueLoader.BeginningOfTime : target.Source.ChangedFrom ?? effectiveFrom;
            if (newest is not null)
            {
                changes.Add((target, newest, validFrom));
            }

            inserts.Add(new
            {
                target.IndicatorCode,
                PeriodKey = target.Period.SortKey,
                target.Value,
                target.AmberThreshold,
                target.SetFor,
                ValidFrom = validFrom,
                target.Source.Reason,
                ReplacesVersionId = newest?.Id,
                CatalogueLoadId = loadId,
            });
        }

        await connection.ExecuteAsync(new CommandDefinition(InsertVersionSql, inserts, transaction, cancellationToken: cancellationToken));
        if (inserts.Count > 0)
        {
            versions = await ReadAsync(connection, transaction, cancellationToken);
        }

        var before = (await connection.QueryAsync<(string IndicatorCode, long PeriodKey, object Value)>(
            new CommandDefinition(CurrentTargetsSql, transaction: transaction, cancellationToken: cancellationToken)))
            .Select(t => (t.IndicatorCode, PeriodKey: (int)t.PeriodKey, Value: Columns.Number(t.Value) ?? 0m))
            .ToList();
        await connection.ExecuteAsync(new CommandDefinition(DeleteTargetsSql, transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            InsertTargetSql,
            targets.Select(t => InForce(versions[(t.IndicatorCode, t.Period.SortKey)], t.Period)).Select(v => new
            {
                v.IndicatorCode,
                v.PeriodKey,
                v.Value,
                v.AmberThreshold,
                v.SetFor,
                CatalogueLoadId = loadId,
                v.Id,
            }),
            transaction,
            cancellationToken: cancellationToken));

        return Summarise(changes, targets, versions, before);
    }

    /// <summary>The version in force for <paramref name="period"/>: the newest from on or before its last day, else the first.</summary>
    internal static StoredVersion InForce(IReadOnlyList<StoredVersion> versions, Period period) =>
        versions.LastOrDefault(v => DateOnly.FromDateTime(v.ValidFrom) <= period.End) ?? versions[0];

    private static List<TargetChange> Summarise(
        List<(CatalogueLoader.ResolvedTarget Target, StoredVersion? Old, DateOnly From)> changes,
        IReadOnlyList<CatalogueLoader.ResolvedTarget> targets,
        Dictionary<(string, int), List<StoredVersion>> versions,
        List<(string IndicatorCode, int PeriodKey, decimal Value)> before)
    {
        // One line per target as the catalogue writes it (a year's target changes all its periods at once).
        var changed = changes
            .GroupBy(c => (c.Target.IndicatorCode, Written: c.Target.Source.Period.Key, Old: c.Old!.Value, New: c.Target.Value, c.From, c.Target.Source.Reason))
            .Select(g => new TargetChange(
                g.Key.IndicatorCode,
                g.Key.Written,
                g.Key.Old,
                g.Key.New,
                g.Key.From,
                g.Key.Reason,
                g.Count(c => InForce(versions[(c.Target.IndicatorCode, c.Target.Period.SortKey)], c.Target.Period).Value != c.Target.Value)));

        // A target the catalogue no longer sets: its versions stay, but no period is judged against it any more.
        var kept = targets.Select(t => (t.IndicatorCode, t.Period.SortKey)).ToHashSet();
        var removed = before
            .Where(t => !kept.Contains((t.IndicatorCode, t.PeriodKey)))
            .GroupBy(t => (t.IndicatorCode, Year: PeriodKeys.ToPeriod(t.PeriodKey).Year.Key, t.Value))
            .Select(g => new TargetChange(g.Key.IndicatorCode, g.Key.Year, g.Key.Value, null, null, null, 0));
        return [.. changed.Concat(removed).OrderBy(c => c.IndicatorCode, StringComparer.Ordinal).ThenBy(c => c.Period, StringComparer.Ordinal)];
    }

    private static async Task<Dictionary<(string, int), List<StoredVersion>>> ReadAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<StoredVersion>(new CommandDefinition(VersionsSql, transaction: transaction, cancellationToken: cancellationToken));
        return rows
            .GroupBy(v => (v.IndicatorCode, v.PeriodKey))
            .ToDictionary(g => g.Key, g => g.OrderBy(v => v.ValidFrom).ThenBy(v => v.Id).ToList());
    }

    internal sealed class StoredVersion
    {
        public long Id { get; init; }

        public string IndicatorCode { get; init; } = "";

        public int PeriodKey { get; init; }

        // NUMERIC columns come back whole or floating row by row in SQLite.
        public object? ValueRead { get; init; }

        public object? AmberRead { get; init; }

        public decimal Value => Columns.Number(ValueRead) ?? 0m;

        public decimal? AmberThreshold => Columns.Number(AmberRead);

        public string SetFor { get; init; } = "";

        public DateTime ValidFrom { get; init; }
    }
}
