using System.Data.Common;
using Dapper;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Templates;

/// <summary>
/// Works out from the warehouse what a service owes for a period: each indicator of the service that is
/// reported in returns (not pulled from a service system) and active in one of its own periods ending
/// within the template's period (<see cref="TemplatePeriods"/>), with the period's target and the
/// current value of the period before. An indicator is judged by the version that governs the period,
/// as the quality gate judges it, so the template asks for exactly what the gate will accept.
/// </summary>
/// <param name="database">The warehouse.</param>
public sealed class TemplateQuery(WarehouseDatabase database)
{
    internal const string ServicesSql = """
        SELECT s.service_code, s.service_name, s.head_of_service, s.head_of_service_email, s.director, s.director_email
        FROM dim_service s
        ORDER BY s.service_code
        """;

    // Each service's latest current budget in the year before the template's quarter, per council.
    internal const string BudgetsSql = """
        SELECT s.service_code, c.council_code, f.budget
        FROM fact_finance f
        INNER JOIN dim_service s ON s.service_key = f.service_key
        INNER JOIN dim_council c ON c.council_key = f.council_key
        INNER JOIN dim_period p ON p.period_key = f.period_key
        WHERE f.is_current = 1 AND p.start_date >= @YearStart AND p.end_date < @Start
        ORDER BY p.end_date
        """;

    internal const string NationsSql = "SELECT council_code, nation FROM dim_council";

    internal const string TargetsSql = """
        SELECT t.indicator_code, t.period_key, t.target_value
        FROM fact_target t
        WHERE t.period_key >= @FromPeriodKey AND t.period_key < @ToPeriodKey
        """;

    internal const string LastResultsSql = """
        SELECT r.indicator_code, r.period_key, r.result_value, r.status
        FROM fact_result r
        WHERE r.is_current = 1 AND r.period_key >= @FromPeriodKey AND r.period_key < @ToPeriodKey
        """;

    // The current actions of every service under way in the period, with their milestones (none: a NULL milestone).
    internal const string ActionsSql = """
        SELECT s.service_code, a.action_code, a.action_name, a.end_date, m.milestone_name, m.due_date, c.nation
        FROM dim_action a
        INNER JOIN dim_service s ON s.service_key = a.service_key
        INNER JOIN dim_council c ON c.council_key = a.council_key
        LEFT JOIN dim_milestone m ON m.action_key = a.action_key
        WHERE a.is_current = 1 AND (a.start_date IS NULL OR a.start_date <= @PeriodEnd) AND (a.end_date IS NULL OR a.end_date >= @PeriodStart)
        ORDER BY a.action_code, m.due_date
        """;

    /// <summary>Every service in the warehouse, by code.</summary>
    /// <param name="cancellationToken">Stops the query.</param>
    public async Task<IReadOnlyList<Service>> ServicesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadServicesAsync(connection, cancellationToken);
    }

    /// <summary>The template of the service coded <paramref name="serviceCode"/> (any case) for <paramref name="period"/>; null when the warehouse has no such service.</summary>
    /// <param name="serviceCode">The service's code, e.g. <c>HOU</c>.</param>
    /// <param name="period">The template's period.</param>
    /// <param name="cancellationToken">Stops the queries.</param>
    public async Task<ReturnTemplate?> BuildAsync(string serviceCode, Period period, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceCode);
        var templates = await BuildAsync(s => IndicatorDirectory.SameService(s.Code, serviceCode), period, cancellationToken);
        return templates.Count == 0 ? null : templates[0];
    }

    /// <summary>One template per service in the warehouse for <paramref name="period"/>, by service code, including those owing nothing.</summary>
    /// <param name="period">The templates' period.</param>
    /// <param name="cancellationToken">Stops the queries.</param>
    public Task<IReadOnlyList<ReturnTemplate>> BuildAllAsync(Period period, CancellationToken cancellationToken) =>
        BuildAsync(_ => true, period, cancellationToken);

    private async Task<IReadOnlyList<ReturnTemplate>> BuildAsync(Func<Service, bool> wanted, Period period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        await using var connection = await database.OpenAsync(cancellationToken);
        var services = (await ReadServicesAsync(connection, cancellationToken)).Where(wanted).ToList();
        if (services.Count == 0)
        {
            return [];
        }

        var indicators = await IndicatorVersions.ReadAsync(connection, cancellationToken);
        var targets = await ReadValuesAsync(connection, TargetsSql, period.Year, period.Year, cancellationToken);
        // The period before a year's first month, quarter or year lies in the year before.
        var last = await ReadValuesAsync(connection, LastResultsSql, new FinancialYear(period.Year.StartYear - 1), period.Year, cancellationToken);
        var actions = await ReadActionsAsync(connection, period, cancellationToken);
        var nations = (await connection.QueryAsync<(string Code, string Nation)>(new CommandDefinition(NationsSql, cancellationToken: cancellationToken)))
            .ToDictionary(c => c.Code, c => NationNames.TryRead(c.Nation, out var nation) ? nation : Nation.England, StringComparer.OrdinalIgnoreCase);
        var budgets = new Dictionary<(string Service, string Council), decimal>();
        foreach (var (serviceCode, councilCode, budget) in await connection.QueryAsync<(string, string, object)>(new CommandDefinition(
            BudgetsSql, new { YearStart = period.Year.Start, period.Start }, cancellationToken: cancellationToken)))
        {
            budgets[(serviceCode.ToUpperInvariant(), councilCode)] = Columns.Number(budget) ?? 0m; // the latest quarter's wins
        }

        return [.. services.Select(service =>
        {
            // Each line is due by the one rule (its own period's end, its due days, its council's nation), so a
            // month in a quarterly form is due when the sweep chases it; the form is due when its first line is.
            var lines = Owed(service, period, indicators, targets, last)
                .Select(l => l with { DueBy = ReturnDueDate.For(l.Period, l.Indicator.DueWorkingDays, nations.GetValueOrDefault(l.Indicator.CouncilCode, Nation.England)) })
                .ToList();
            var owedActions = actions[service.Code].ToList();
            var due = lines.Select(l => l.DueBy)
                .DefaultIfEmpty(owedActions.Select(a => a.DueBy).DefaultIfEmpty(ReturnDueDate.For(period, WorkingDayCalendar.DefaultDueWorkingDays, Nation.England)).Min())
                .Min();
            return new ReturnTemplate(service, period, lines, due) { Finance = FinanceRows(service, period, indicators, budgets), Actions = owedActions };
        })];
    }

    private static List<TemplateFinance> FinanceRows(
        Service service, Period period, Dictionary<string, IReadOnlyList<IndicatorVersion>> indicators, Dictionary<(string Service, string Council), decimal> budgets)
    {
        if (period.Frequency != Frequency.Quarterly)
        {
            return [];
        }

        return [.. indicators.Values.Select(v => v[^1].Definition)
            .Where(i => IndicatorDirectory.SameService(i.ServiceCode, service.Code))
            .Select(i => i.CouncilCode).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)
            .Select(council => new TemplateFinance(council, budgets.TryGetValue((service.Code.ToUpperInvariant(), council), out var b) ? b : null))];
    }

    private static List<TemplateLine> Owed(
        Service service,
        Period period,
        Dictionary<string, IReadOnlyList<IndicatorVersion>> indicators,
        Dictionary<(string Code, int PeriodKey), (decimal? Value, string? Status)> targets,
        Dictionary<(string Code, int PeriodKey), (decimal? Value, string? Status)> last)
    {
        var lines = new List<TemplateLine>();
        foreach (var (code, versions) in indicators.OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            foreach (var frequency in Enum.GetValues<Frequency>())
            {
                foreach (var due in TemplatePeriods.Within(period, frequency))
                {
                    // As the gate does: the version in force on the period's last day, else the latest.
                    var definition = versions.LastOrDefault(v => v.Governs(due))?.Definition ?? versions[^1].Definition;
                    if (definition.Frequency != frequency || !definition.IsActiveIn(due)
                        || !IndicatorDirectory.SameService(definition.ServiceCode, service.Code)
                        || !string.Equals(definition.Source, Indicator.ReturnSource, StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    var previous = due.Previous();
                    var before = last.GetValueOrDefault((code, previous.SortKey));
                    lines.Add(new TemplateLine(definition, due, targets.GetValueOrDefault((code, due.SortKey)).Value, previous, before.Value, before.Status));
                }
            }
        }

        return [.. lines.OrderBy(l => l.Indicator.Code, StringComparer.Ordinal).ThenBy(l => l.Period)];
    }

    /// <summary>
    /// The actions each service owes an update on in a template for <paramref name="period"/>: updates are owed
    /// quarterly, so none in a month that ends no quarter (<see cref="ActionUpdatePeriods"/>).
    /// </summary>
    private static async Task<ILookup<string, TemplateAction>> ReadActionsAsync(DbConnection connection, Period period, CancellationToken cancellationToken)
    {
        if (!ActionUpdatePeriods.Within(period).Any())
        {
            return Array.Empty<(string Service, TemplateAction Action)>().ToLookup(a => a.Service, a => a.Action);
        }

        var rows = await connection.QueryAsync<(string Service, string Code, string Name, object? End, string? Milestone, object? Due, string? Nation)>(
            new CommandDefinition(ActionsSql, new { PeriodStart = period.Start, PeriodEnd = period.End }, cancellationToken: cancellationToken));
        return rows.GroupBy(r => (r.Service, r.Code, r.Name, r.End, r.Nation))
            .Select(g => (g.Key.Service, Action: new TemplateAction(g.Key.Code, g.Key.Name, Date(g.Key.End),
                [.. g.Where(m => m.Milestone is not null && m.Due is not null).Select(m => new TemplateMilestone(m.Milestone!, Date(m.Due)!.Value))])
                {
                    DueBy = ReturnDueDate.ForActionUpdate(period, NationNames.TryRead(g.Key.Nation, out var nation) ? nation : Nation.England),
                }))
            .ToLookup(a => a.Service, a => a.Action, StringComparer.OrdinalIgnoreCase);

        static DateOnly? Date(object? value) => value switch
        {
            null or DBNull => null,
            DateTime dateTime => DateOnly.FromDateTime(dateTime),
            DateOnly date => date,
            _ => DateOnly.Parse(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!, System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private static async Task<IReadOnlyList<Service>> ReadServicesAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var services = new List<Service>();
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(ServicesSql, cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            services.Add(new Service(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Columns.Text(reader, 4), Columns.Text(reader, 5)));
        }

        return services;
    }

    /// <summary>A value (and, for results, a status) by indicator code and period key, for the periods of financial years <paramref name="from"/> to <paramref name="to"/>.</summary>
    private static async Task<Dictionary<(string Code, int PeriodKey), (decimal? Value, string? Status)>> ReadValuesAsync(
        DbConnection connection, string sql, FinancialYear from, FinancialYear to, CancellationToken cancellationToken)
    {
        var parameters = new { FromPeriodKey = PeriodKeys.FirstOf(from), ToPeriodKey = PeriodKeys.FirstOf(new FinancialYear(to.StartYear + 1)) };
        var values = new Dictionary<(string Code, int PeriodKey), (decimal? Value, string? Status)>(CodeAndPeriodComparer.Instance);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            values[(reader.GetString(0), Columns.Int(reader, 1))] = (Columns.NullableDecimal(reader, 2), reader.FieldCount > 3 ? Columns.Text(reader, 3) : null);
        }

        return values;
    }

    /// <summary>Indicator codes compared ignoring case, as everywhere else in the pipeline.</summary>
    private sealed class CodeAndPeriodComparer : IEqualityComparer<(string Code, int PeriodKey)>
    {
        public static CodeAndPeriodComparer Instance { get; } = new();

        public bool Equals((string Code, int PeriodKey) x, (string Code, int PeriodKey) y) =>
            x.PeriodKey == y.PeriodKey && string.Equals(x.Code, y.Code, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Code, int PeriodKey) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Code), obj.PeriodKey);
    }
}
