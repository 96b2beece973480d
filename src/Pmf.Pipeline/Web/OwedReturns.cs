using Dapper;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Templates;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Web;

/// <summary>Where one owed return stands.</summary>
public enum OwedState
{
    /// <summary>Its due date has not come and nothing is in yet.</summary>
    NotDueYet,

    /// <summary>Every row is in.</summary>
    Received,

    /// <summary>Some rows are in.</summary>
    PartReceived,

    /// <summary>Its last file was refused and rows are still missing.</summary>
    Rejected,

    /// <summary>Past its due date with nothing in.</summary>
    Overdue,
}

/// <summary>Something a service owes (a return, an action update) and where it stands, as its tag shows it.</summary>
public interface IOwed
{
    /// <summary>Where it stands.</summary>
    OwedState State { get; }

    /// <summary>Whether it came in (or, not in, is) after its due date.</summary>
    bool Late { get; }

    /// <summary>The day it is due.</summary>
    DateOnly DueBy { get; }

    /// <summary>The UK date it was judged on.</summary>
    DateOnly Today { get; }
}

/// <summary>One return a service owes for one period, as its template has it, and how it stands.</summary>
/// <param name="Template">What the template asks for (its rows, each with its own due date).</param>
/// <param name="Received">Rows with a current value in the warehouse.</param>
/// <param name="ReceivedAt">When the latest of those came in.</param>
/// <param name="RejectedAt">When a file for the period was last refused, if one was.</param>
/// <param name="Reminders">Digests sent to the head of service about its late rows.</param>
/// <param name="Today">The UK date it was judged on.</param>
public sealed record OwedReturn(ReturnTemplate Template, int Received, DateTimeOffset? ReceivedAt, DateTimeOffset? RejectedAt, int Reminders, DateOnly Today) : IOwed
{
    /// <summary>The rows owed.</summary>
    public int Rows => Template.Lines.Count;

    /// <summary>The day it is due.</summary>
    public DateOnly DueBy => Template.DueBy;

    /// <summary>Whether the last row came in after the due date.</summary>
    public bool Late => ReceivedAt is { } at ? UkClock.DateAt(at) > DueBy : Today > DueBy;

    /// <summary>Where it stands.</summary>
    public OwedState State =>
        Received >= Rows ? OwedState.Received
        : RejectedAt is not null && (ReceivedAt is null || RejectedAt > ReceivedAt) ? OwedState.Rejected
        : Received > 0 ? OwedState.PartReceived
        : Today > DueBy ? OwedState.Overdue
        : OwedState.NotDueYet;
}

/// <summary>
/// What services owe: each return's rows and due dates come from its template (<see cref="TemplateQuery"/>, the
/// same due-date logic the templates and the gate use), and how it stands from the warehouse: current values,
/// refused files and the digests that chased it.
/// </summary>
public sealed class OwedReturns(WarehouseDatabase warehouse, TimeProvider time)
{
    /// <summary>How far back a service's page looks for returns owed.</summary>
    public const int LookBackDays = 200;

    internal const string ReceivedSql = """
        SELECT r.indicator_code AS IndicatorCode, r.period_key AS PeriodKey, s.received_at AS ReceivedAt
        FROM fact_result AS r
        INNER JOIN submission AS s ON s.submission_id = r.submission_id
        WHERE r.is_current = 1 AND r.period_key >= @FromKey AND r.period_key < @ToKey
        """;

    internal const string RejectedSql = """
        SELECT s.service_code AS ServiceCode, q.period_code AS PeriodCode, MAX(s.received_at) AS ReceivedAt
        FROM submission AS s
        INNER JOIN dq_issue AS q ON q.submission_id = s.submission_id
        WHERE s.verdict = 'Rejected' AND q.period_code IS NOT NULL
        GROUP BY s.service_code, q.period_code
        """;

    internal const string RemindersSql = """
        SELECT f.indicator_code AS IndicatorCode, f.period_key AS PeriodKey, COUNT(*) AS Sent
        FROM follow_up AS f
        INNER JOIN alert_log AS a ON a.outcome = 'Sent'
            AND CONCAT(',', a.follow_up_ids, ',') LIKE CONCAT('%,', f.follow_up_id, ',%')
        WHERE f.kind = 'Late' AND f.period_key >= @FromKey AND f.period_key < @ToKey
        GROUP BY f.indicator_code, f.period_key
        """;

    /// <summary>
    /// The returns <paramref name="serviceCode"/> owes for its periods that have begun in the last
    /// <see cref="LookBackDays"/> days, newest first: one a period of its most frequent indicators (a monthly
    /// indicator's service returns monthly, its quarterly rows in the month the quarter ends).
    /// </summary>
    public async Task<IReadOnlyList<OwedReturn>> ForServiceAsync(string serviceCode, CancellationToken cancellationToken)
    {
        var today = UkClock.Today(time);
        var query = new TemplateQuery(warehouse);
        var year = FinancialYear.Containing(today);
        var whole = await query.BuildAsync(serviceCode, Period.Annual(year.StartYear), cancellationToken);
        var before = await query.BuildAsync(serviceCode, Period.Annual(year.StartYear - 1), cancellationToken);
        var frequencies = (whole?.Lines ?? []).Concat(before?.Lines ?? []).Select(l => l.Period.Frequency).ToHashSet();
        if (frequencies.Count == 0)
        {
            return [];
        }

        var cadence = frequencies.Min();
        var periods = Period.In(year.Previous(), cadence).Concat(Period.In(year, cadence))
            .Where(p => p.Start <= today && p.End >= today.AddDays(-LookBackDays))
            .OrderByDescending(p => p.SortKey);
        var templates = new List<ReturnTemplate>();
        foreach (var period in periods)
        {
            if (await query.BuildAsync(serviceCode, period, cancellationToken) is { Lines.Count: > 0 } template)
            {
                templates.Add(template);
            }
        }

        return await JudgeAsync(templates, today, cancellationToken);
    }

    /// <summary>Every service's return for <paramref name="period"/>, by service code (those owing nothing left out).</summary>
    public async Task<IReadOnlyList<OwedReturn>> ForPeriodAsync(Period period, CancellationToken cancellationToken)
    {
        var templates = await new TemplateQuery(warehouse).BuildAllAsync(period, cancellationToken);
        return await JudgeAsync([.. templates.Where(t => t.Lines.Count > 0)], UkClock.Today(time), cancellationToken);
    }

    /// <summary>How each template stands in the warehouse.</summary>
    public async Task<IReadOnlyList<OwedReturn>> JudgeAsync(IReadOnlyList<ReturnTemplate> templates, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(templates);
        if (templates.Count == 0)
        {
            return [];
        }

        var keys = templates.SelectMany(t => t.Lines).Select(l => l.Period.SortKey).ToList();
        var range = new { FromKey = keys.Min(), ToKey = keys.Max() + 1 };
        await using var connection = await warehouse.OpenAsync(cancellationToken);
        var received = (await connection.QueryAsync<(string IndicatorCode, long PeriodKey, DateTime ReceivedAt)>(new CommandDefinition(ReceivedSql, range, cancellationToken: cancellationToken)))
            .ToDictionary(r => (r.IndicatorCode.ToUpperInvariant(), (int)r.PeriodKey), r => new DateTimeOffset(DateTime.SpecifyKind(r.ReceivedAt, DateTimeKind.Utc)));
        var rejected = (await connection.QueryAsync<(string? ServiceCode, string PeriodCode, DateTime ReceivedAt)>(new CommandDefinition(RejectedSql, cancellationToken: cancellationToken)))
            .Where(r => r.ServiceCode is not null)
            .ToDictionary(r => (r.ServiceCode!.ToUpperInvariant(), r.PeriodCode), r => new DateTimeOffset(DateTime.SpecifyKind(r.ReceivedAt, DateTimeKind.Utc)));
        var reminders = (await connection.QueryAsync<(string IndicatorCode, long PeriodKey, long Sent)>(new CommandDefinition(RemindersSql, range, cancellationToken: cancellationToken)))
            .ToDictionary(r => (r.IndicatorCode.ToUpperInvariant(), (int)r.PeriodKey), r => (int)r.Sent);

        return [.. templates.Select(t =>
        {
            var rows = t.Lines.Select(l => (l.Indicator.Code.ToUpperInvariant(), l.Period.SortKey)).ToList();
            var times = rows.Where(received.ContainsKey).Select(k => received[k]).ToList();
            var refused = t.Lines.Select(l => rejected.TryGetValue((t.Service.Code.ToUpperInvariant(), l.Period.Key), out var at) ? at : (DateTimeOffset?)null).Max();
            return new OwedReturn(t, times.Count, times.Count == 0 ? null : times.Max(), refused, rows.Sum(k => reminders.GetValueOrDefault(k)), today);
        })];
    }
}
