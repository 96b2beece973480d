using System.Data.Common;
using Dapper;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Web;

/// <summary>
/// What services owe on their delivery-plan actions: an update on each current action under way in a quarter
/// (<see cref="ActionUpdatePeriods"/>), due by the one rule (<see cref="ReturnDueDate.ForActionUpdate"/>), until
/// an update reports it delivered; and how each stands in <c>fact_action_progress</c>.
/// </summary>
public sealed class OwedActionUpdates(WarehouseDatabase warehouse, TimeProvider time)
{
    internal const string ActionsSql = """
        SELECT a.action_code, a.action_name, c.council_code, c.nation, s.service_code, s.service_name, a.start_date, a.end_date
        FROM dim_action AS a
        INNER JOIN dim_council AS c ON c.council_key = a.council_key
        INNER JOIN dim_service AS s ON s.service_key = a.service_key
        WHERE a.is_current = 1
        ORDER BY a.action_code
        """;

    // Every current update of a period ending by the last quarter asked about, with when its file came in.
    internal const string UpdatesSql = """
        SELECT f.action_code, p.period_code, f.status, f.percent_complete, f.delivery_rag, f.delivery_label, s.received_at
        FROM fact_action_progress AS f
        INNER JOIN dim_period AS p ON p.period_key = f.period_key
        INNER JOIN submission AS s ON s.submission_id = f.submission_id
        WHERE f.is_current = 1 AND p.end_date <= @LastEnd
        """;

    // Errors the gate raised on action rows (each names the catalogue's action and the period), with when the file came in.
    internal const string RefusedSql = """
        SELECT q.indicator_code, q.period_code, q.message, s.received_at
        FROM dq_issue AS q
        INNER JOIN submission AS s ON s.submission_id = q.submission_id
        INNER JOIN dim_action AS a ON a.action_code = q.indicator_code AND a.is_current = 1
        WHERE q.severity = 'Error' AND q.period_code IS NOT NULL
        """;

    /// <summary>The updates <paramref name="serviceCode"/> owes for the quarters begun in the last <see cref="OwedReturns.LookBackDays"/> days, newest quarter first.</summary>
    public Task<IReadOnlyList<OwedActionUpdate>> ForServiceAsync(string serviceCode, CancellationToken cancellationToken)
    {
        var today = UkClock.Today(time);
        var year = FinancialYear.Containing(today);
        var quarters = Period.In(year.Previous(), Frequency.Quarterly).Concat(Period.In(year, Frequency.Quarterly))
            .Where(q => q.Start <= today && q.End >= today.AddDays(-OwedReturns.LookBackDays))
            .OrderByDescending(q => q.SortKey).ToList();
        return JudgeAsync(quarters, code => string.Equals(code, serviceCode, StringComparison.OrdinalIgnoreCase), today, cancellationToken);
    }

    /// <summary>Every service's updates owed for the quarters ending within <paramref name="period"/>.</summary>
    public Task<IReadOnlyList<OwedActionUpdate>> ForPeriodAsync(Period period, CancellationToken cancellationToken) =>
        JudgeAsync([.. ActionUpdatePeriods.Within(period)], _ => true, UkClock.Today(time), cancellationToken);

    private async Task<IReadOnlyList<OwedActionUpdate>> JudgeAsync(
        IReadOnlyList<Period> quarters, Func<string, bool> wanted, DateOnly today, CancellationToken cancellationToken)
    {
        if (quarters.Count == 0)
        {
            return [];
        }

        await using var connection = await warehouse.OpenAsync(cancellationToken);
        var actions = (await ReadActionsAsync(connection, cancellationToken)).Where(a => wanted(a.ServiceCode)).ToList();
        if (actions.Count == 0)
        {
            return [];
        }

        var updates = (await ReadUpdatesAsync(connection, quarters.Max(q => q.End), cancellationToken))
            .ToLookup(u => u.ActionCode, StringComparer.OrdinalIgnoreCase);
        var refusals = (await ReadRefusalsAsync(connection, cancellationToken)).ToLookup(r => r.ActionCode, StringComparer.OrdinalIgnoreCase);
        var owed = new List<OwedActionUpdate>();
        foreach (var quarter in quarters)
        {
            foreach (var action in actions.Where(a => (a.Start is null || a.Start <= quarter.End) && (a.End is null || a.End >= quarter.Start)))
            {
                var history = updates[action.Code].ToList();
                // Delivered before the quarter began: nothing more is owed on it.
                if (history.Any(u => u.Period.End < quarter.Start && u.Status == Quality.QualitativeStatus.Complete))
                {
                    continue;
                }

                var received = history.Where(u => ActionUpdatePeriods.Counts(u.Period, quarter)).MaxBy(u => u.Period.End);
                var latest = received ?? history.Where(u => u.Period.End <= quarter.End).MaxBy(u => u.Period.End);
                // A refused row for the quarter, later than anything loaded for it, is where the update stands.
                var refused = received is not null ? null : refusals[action.Code]
                    .Where(r => ActionUpdatePeriods.Counts(r.Period, quarter) && (latest is null || r.ReceivedAt > latest.ReceivedAt))
                    .MaxBy(r => r.ReceivedAt);
                owed.Add(new OwedActionUpdate(action.Code, action.Name, action.CouncilCode, action.ServiceCode, action.ServiceName, quarter,
                    ReturnDueDate.ForActionUpdate(quarter, action.Nation), received, latest, today, refused));
            }
        }

        return owed;
    }

    private static async Task<List<OwedAction>> ReadActionsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var actions = new List<OwedAction>();
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(ActionsSql, cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            var nation = NationNames.TryRead(Columns.Text(reader, 3), out var n) ? n : Nation.England;
            actions.Add(new OwedAction(reader.GetString(0), reader.GetString(1), reader.GetString(2), nation, reader.GetString(4), reader.GetString(5),
                Columns.NullableDate(reader, 6), Columns.NullableDate(reader, 7)));
        }

        return actions;
    }

    private static async Task<List<ActionUpdateIn>> ReadUpdatesAsync(DbConnection connection, DateOnly lastEnd, CancellationToken cancellationToken)
    {
        var updates = new List<ActionUpdateIn>();
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(UpdatesSql, new { LastEnd = lastEnd }, cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            if (PeriodParser.Parse(reader.GetString(1)).Period is not { } period)
            {
                continue;
            }

            updates.Add(new ActionUpdateIn(
                reader.GetString(0), period, reader.GetString(2), Columns.Number(reader.GetValue(3)), WarehouseText.ParseRag(reader.GetString(4)), reader.GetString(5), Columns.Instant(reader, 6)));
        }

        return updates;
    }

    private static async Task<List<ActionUpdateRefused>> ReadRefusalsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var refusals = new List<ActionUpdateRefused>();
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(RefusedSql, cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            if (PeriodParser.Parse(reader.GetString(1)).Period is not { } period)
            {
                continue;
            }

            refusals.Add(new ActionUpdateRefused(reader.GetString(0), period, reader.GetString(2), Columns.Instant(reader, 3)));
        }

        return refusals;
    }

    private sealed record OwedAction(string Code, string Name, string CouncilCode, Nation Nation, string ServiceCode, string ServiceName, DateOnly? Start, DateOnly? End);
}
