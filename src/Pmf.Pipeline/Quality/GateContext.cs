using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;

namespace Pmf.Pipeline.Quality;

/// <summary>
/// Everything the quality gate knows about the world when it checks one submission: the catalogue
/// as the warehouse holds it (with indicator history), targets, recent results, who is sending and
/// when. Built once per submission; the gate itself never touches the database.
/// </summary>
public sealed record GateContext
{
    /// <summary>The service whose folder the file came from (its scope), or null for a system pull.</summary>
    public string? SenderService { get; init; }

    /// <summary>The UK date the submission is checked as of ("in the future" is judged against it).</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>Every indicator's versions, by code (case-insensitive), oldest first.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<IndicatorVersion>> Indicators { get; init; }

    /// <summary>Targets resolved to the indicators' own periods, by (indicator code, period key).</summary>
    public required IReadOnlyDictionary<(string IndicatorCode, string PeriodKey), Target> Targets { get; init; }

    /// <summary>Current results already in the warehouse, by indicator code, oldest period first.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<HistoricResult>> History { get; init; }

    /// <summary>The periods each council has published (by council code, case-insensitive): a change to a result in one needs a reason.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Period>> Published { get; init; } = new Dictionary<string, IReadOnlyList<Period>>();

    /// <summary>True when <paramref name="period"/> lies within a period that <paramref name="councilCode"/> has published.</summary>
    public bool IsPublished(string councilCode, Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return Published.TryGetValue(councilCode, out var periods) && periods.Any(p => period.Start >= p.Start && period.End <= p.End);
    }

    /// <summary>
    /// The current finance of the sender's service (every service's for a system pull), by
    /// <see cref="Finance.StoredFinance.Key"/> (case-insensitive): a change to a published quarter's needs a reason.
    /// </summary>
    public IReadOnlyDictionary<string, Finance.StoredFinance> Finance { get; init; } = new Dictionary<string, Finance.StoredFinance>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The delivery-plan actions of the catalogue, current ones only, by code (case-insensitive).</summary>
    public IReadOnlyDictionary<string, PlannedAction> Actions { get; init; } = new Dictionary<string, PlannedAction>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// True when <see cref="History"/> is every current result the warehouse holds for the indicators in
    /// scope, as read inside the load's own write lock (<c>GateContextQuery</c>): the gate then judges
    /// currency and direction of travel as rows pass, and completing the load only does the rest.
    /// </summary>
    internal bool HoldsWarehouseHistory { get; init; }

    /// <summary>The version of <paramref name="indicatorCode"/> that governs <paramref name="period"/>, or null.</summary>
    public Indicator? DefinitionFor(string indicatorCode, Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (!Indicators.TryGetValue(indicatorCode, out var versions))
        {
            return null;
        }

        // The latest version that governs the period; a loop, as the gate asks on every row.
        for (var i = versions.Count - 1; i >= 0; i--)
        {
            if (versions[i].Governs(period))
            {
                return versions[i].Definition;
            }
        }

        return versions[^1].Definition;
    }
}
