using System.Globalization;
using Dapper;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Scoring;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Reports;

/// <summary>
/// Reads a <see cref="PerformanceReport"/> from the warehouse: published results from the reporting view
/// <c>v_result</c> (RAG, direction of travel and timeliness as the warehouse judged them), the indicators
/// expected but not received, each indicator's trend, and the data-quality issues that qualify the results.
/// </summary>
/// <param name="database">The warehouse.</param>
public sealed class PerformanceReportQuery(WarehouseDatabase database)
{
    internal const string CouncilsSql = "SELECT council_code AS Code, council_name AS Name FROM dim_council ORDER BY council_code";

    private const string IndicatorColumns = """
        i.indicator_name AS Name, i.indicator_type AS Type, i.unit AS Unit, i.polarity AS Polarity, i.source AS Source, i.accumulation AS Accumulation,
               pr.priority_code AS PriorityCode, pr.priority_name AS PriorityName, pr.objective_code AS ObjectiveCode, pr.objective_name AS ObjectiveName,
               (SELECT MIN(x.priority_key) FROM dim_priority AS x WHERE x.council_key = pr.council_key AND x.priority_code = pr.priority_code) AS PriorityOrder,
               pr.priority_key AS ObjectiveOrder, s.service_code AS ServiceCode, s.service_name AS ServiceName,
               i.due_working_days AS DueWorkingDays, c.nation AS Nation
        """;

    private const string IndicatorJoins = """
        INNER JOIN dim_priority AS pr ON pr.priority_key = i.priority_key
        INNER JOIN dim_service AS s ON s.service_key = i.service_key
        INNER JOIN dim_council AS c ON c.council_key = i.council_key
        """;

    // Every published result whose period ends on the report's last day, under the indicator version it was measured by.
    internal const string ResultsSql = $"""
        SELECT v."Indicator code" AS Code, {IndicatorColumns},
               v."Period" AS PeriodCode, v."Result" AS Value, v."Target" AS Target, v."RAG" AS Rag,
               v."Direction vs previous" AS DirectionVsPrevious, v."Direction vs last year" AS DirectionVsLastYear,
               v."Status" AS Status, v."Commentary" AS Commentary, v."Remedial action" AS RemedialAction, v."Nil return" AS NilReturn,
               v."First received date" AS FirstReceived,
               v."Added commentary" AS AddedCommentary, v."Added remedial action" AS AddedRemedialAction, v."Added by" AS AddedBy, v."Added at" AS AddedAt
        FROM v_result AS v
        INNER JOIN dim_indicator AS i ON i.indicator_key = v."Indicator version key"
        {IndicatorJoins}
        WHERE c.council_code = @Council AND v."Date key" = @EndKey
        """;

    // Indicators of one frequency in force and active for one period, with no current result for it. Run once
    // per reported period, so a period the warehouse has never seen still lists what it expects.
    internal const string MissingSql = $"""
        SELECT i.indicator_code AS Code, {IndicatorColumns},
               @PeriodCode AS PeriodCode
        FROM dim_indicator AS i
        {IndicatorJoins}
        WHERE c.council_code = @Council AND i.frequency = @Frequency
          AND i.valid_from <= @PeriodEnd AND (i.valid_to IS NULL OR i.valid_to > @PeriodEnd)
          AND (i.active_from IS NULL OR i.active_from <= @PeriodEnd)
          AND (i.active_to IS NULL OR i.active_to >= @PeriodStart)
          AND NOT EXISTS (SELECT 1 FROM fact_result AS r
                          WHERE r.indicator_code = i.indicator_code AND r.period_key = @PeriodKey AND r.is_current = 1)
        """;

    internal const string ApprovedSql = """
        SELECT COUNT(*)
        FROM publication_step AS ps
        INNER JOIN dim_council AS c ON c.council_key = ps.council_key
        WHERE c.council_code = @Council AND ps.period_key = @PeriodKey AND ps.stage IN ('Approved', 'Published')
        """;

    internal const string TrendSql = """
        SELECT r.indicator_code AS Code, p.period_code AS PeriodCode, r.result_value AS Value, r.target_value AS Target, r.rag AS Rag
        FROM fact_result AS r
        INNER JOIN dim_period AS p ON p.period_key = r.period_key
        INNER JOIN dim_council AS c ON c.council_key = r.council_key
        WHERE r.is_current = 1 AND c.council_code = @Council AND p.end_date <= @End
          AND ((p.frequency = 'Monthly' AND p.start_date >= @MonthlyFrom)
               OR (p.frequency = 'Quarterly' AND p.start_date >= @QuarterlyFrom)
               OR (p.frequency = 'Annual' AND p.start_date >= @AnnualFrom))
        ORDER BY r.indicator_code, p.start_date
        """;

    // Warnings raised on the submission that delivered the published value, and errors that refused a
    // value with no later value published (the report shows an earlier value, or none). The same for the
    // council's delivery-plan actions: an Actions sheet row's issues carry the action's code and period.
    internal const string CaveatsSql = """
        SELECT DISTINCT q.indicator_code AS IndicatorCode, q.period_code AS PeriodCode, q.rule_id AS RuleId, q.severity AS Severity, q.message AS Message
        FROM dq_issue AS q
        INNER JOIN dim_period AS p ON p.period_code = q.period_code
        LEFT JOIN fact_result AS r ON r.indicator_code = q.indicator_code AND r.period_key = p.period_key AND r.is_current = 1
        LEFT JOIN fact_action_progress AS ap ON ap.action_code = q.indicator_code AND ap.period_key = p.period_key AND ap.is_current = 1
        WHERE p.end_date_key = @EndKey
          AND (EXISTS (SELECT 1 FROM dim_indicator AS i INNER JOIN dim_council AS c ON c.council_key = i.council_key
                       WHERE i.indicator_code = q.indicator_code AND c.council_code = @Council)
               OR EXISTS (SELECT 1 FROM dim_action AS a INNER JOIN dim_council AS c ON c.council_key = a.council_key
                          WHERE a.action_code = q.indicator_code AND a.is_current = 1 AND c.council_code = @Council))
          AND ((q.severity = 'Warning' AND COALESCE(r.submission_id, ap.submission_id) = q.submission_id)
               OR (q.severity = 'Error' AND (COALESCE(r.submission_id, ap.submission_id) IS NULL OR COALESCE(r.submission_id, ap.submission_id) < q.submission_id)))
        ORDER BY IndicatorCode, PeriodCode, RuleId, Message
        """;

    internal const string CommitteesSql = """
        SELECT m.committee_code AS Code, m.committee_name AS Name, c.council_code AS CouncilCode, m.committee_kind AS Kind,
               m.performance_monitors AS Monitors
        FROM dim_committee AS m
        INNER JOIN dim_council AS c ON c.council_key = m.council_key
        WHERE m.is_current = 1
        ORDER BY m.committee_key
        """;

    internal const string CommitteeIndicatorsSql = """
        SELECT i.item_code
        FROM committee_item AS i
        INNER JOIN dim_committee AS m ON m.committee_key = i.committee_key
        WHERE m.committee_code = @Committee AND i.item_kind = 'Indicator'
        """;

    /// <summary>The current committees in the warehouse, in catalogue order; none when the catalogue has no Committees sheet.</summary>
    /// <param name="cancellationToken">Stops the query.</param>
    public async Task<IReadOnlyList<ReportCommittee>> CommitteesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Code, string Name, string CouncilCode, string Kind, string? Monitors)>(
            new CommandDefinition(CommitteesSql, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new ReportCommittee(r.Code, r.Name, r.CouncilCode, r.Kind, Catalogue.CommitteeScope.Split(r.Monitors)))];
    }

    /// <summary>
    /// The report of <paramref name="council"/> for <paramref name="committee"/>: only the indicators it
    /// receives (in the order of the council's plan) and the caveats on them.
    /// </summary>
    /// <param name="committee">The committee.</param>
    /// <param name="council">Its council.</param>
    /// <param name="periods">The report's periods.</param>
    /// <param name="generatedAt">When the report is produced.</param>
    /// <param name="cancellationToken">Stops the queries.</param>
    public async Task<PerformanceReport> LoadAsync(ReportCommittee committee, CouncilName council, ReportPeriods periods, DateTimeOffset generatedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(committee);
        var whole = await LoadAsync(council, periods, generatedAt, cancellationToken);
        HashSet<string> codes, actions;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            codes = (await connection.QueryAsync<string>(new CommandDefinition(CommitteeIndicatorsSql, new { Committee = committee.Code }, cancellationToken: cancellationToken)))
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            actions = await ReportActionsQuery.CommitteeCodesAsync(connection, committee.Code, cancellationToken);
        }

        return whole with
        {
            Indicators = [.. whole.Indicators.Where(i => codes.Contains(i.Code))],
            Caveats = [.. whole.Caveats.Where(c => codes.Contains(c.IndicatorCode) || actions.Contains(c.IndicatorCode))],
            Actions = [.. whole.Actions.Where(a => actions.Contains(a.Code))],
            CaseStudies = [.. whole.CaseStudies.Where(c => codes.Contains(c.IndicatorCode))],
            Committee = committee,
        };
    }

    /// <summary>The councils in the warehouse, by code.</summary>
    /// <param name="cancellationToken">Stops the query.</param>
    public async Task<IReadOnlyList<CouncilName>> CouncilsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<CouncilName>(new CommandDefinition(CouncilsSql, cancellationToken: cancellationToken))];
    }

    /// <summary>The report for <paramref name="council"/> over <paramref name="periods"/>.</summary>
    /// <param name="council">The council.</param>
    /// <param name="periods">The report's periods.</param>
    /// <param name="generatedAt">When the report is produced.</param>
    /// <param name="cancellationToken">Stops the queries.</param>
    public async Task<PerformanceReport> LoadAsync(CouncilName council, ReportPeriods periods, DateTimeOffset generatedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(council);
        ArgumentNullException.ThrowIfNull(periods);
        periods = periods.SoFar(UkClock.DateAt(generatedAt));
        var end = periods.Closing.End;
        var at = new
        {
            Council = council.Code,
            EndKey = int.Parse(end.ToString("yyyyMMdd", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            End = end,
            MonthlyFrom = From(periods, Frequency.Monthly),
            QuarterlyFrom = From(periods, Frequency.Quarterly),
            AnnualFrom = From(periods, Frequency.Annual),
        };

        await using var connection = await database.OpenAsync(cancellationToken);
        var results = await connection.QueryAsync<IndicatorRow>(new CommandDefinition(ResultsSql, at, cancellationToken: cancellationToken));
        var missing = new List<IndicatorRow>();
        foreach (var period in periods.Reported)
        {
            var expected = new
            {
                Council = council.Code,
                Frequency = period.Frequency.ToString(),
                PeriodCode = period.Key,
                PeriodKey = period.SortKey,
                PeriodStart = period.Start,
                PeriodEnd = period.End,
            };
            missing.AddRange(await connection.QueryAsync<IndicatorRow>(new CommandDefinition(MissingSql, expected, cancellationToken: cancellationToken)));
        }

        var trendKeys = periods.Trend.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var trends = (await connection.QueryAsync<TrendRow>(new CommandDefinition(TrendSql, at, cancellationToken: cancellationToken)))
            .Where(t => trendKeys.Contains(t.PeriodCode))
            .ToLookup(t => t.Code, t => new TrendPoint(t.PeriodCode, Number(t.Value), Number(t.Target), WarehouseText.ParseRag(t.Rag)), StringComparer.Ordinal);
        var caveats = (await connection.QueryAsync<QualityCaveat>(new CommandDefinition(CaveatsSql, at, cancellationToken: cancellationToken)))
            .Where(c => !Quality.QualityRules.IsCaseStudy(c.RuleId)); // about the annual review's story, not the figure

        var indicators = results.Select(r => r.ToIndicator(reported: true, trends[r.Code]))
            .Concat(missing.Select(r => r.ToIndicator(reported: false, trends[r.Code])))
            .ToList();
        var order = results.Concat(missing).ToDictionary(r => r.Code, r => (r.PriorityOrder, r.ObjectiveOrder), StringComparer.Ordinal);
        indicators.Sort((a, b) =>
        {
            var (pa, oa) = order[a.Code];
            var (pb, ob) = order[b.Code];
            return pa != pb ? pa.CompareTo(pb) : oa != ob ? oa.CompareTo(ob) : string.CompareOrdinal(a.Code, b.Code);
        });

        var executive = (await connection.QueryAsync<(string Code, string Name, string CouncilCode, string Kind, string? Monitors)>(
                new CommandDefinition(CommitteesSql, cancellationToken: cancellationToken)))
            .FirstOrDefault(r => r.CouncilCode == council.Code && r.Kind == "Executive");
        var actions = await ReportActionsQuery.LoadAsync(connection, council.Code, end, cancellationToken);
        var actionNames = actions.ToDictionary(a => a.Code, a => a.Name, StringComparer.OrdinalIgnoreCase);
        caveats = caveats.Select(c => actionNames.TryGetValue(c.IndicatorCode, out var name) ? c with { ActionName = name } : c);
        var approved = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            ApprovedSql, new { Council = council.Code, PeriodKey = periods.Period.SortKey }, cancellationToken: cancellationToken));
        return new PerformanceReport(council.Code, council.Name, periods.Kind, periods.Period, generatedAt, indicators, [.. caveats])
        {
            Closing = periods.Closing,
            IsDraft = approved == 0,
            Executive = executive.Code is null ? null : new ReportCommittee(executive.Code, executive.Name, executive.CouncilCode, executive.Kind, Catalogue.CommitteeScope.Split(executive.Monitors)),
            Restatements = await Publication.RestatementRecord.ForReportAsync(connection, council.Code, periods.Period, cancellationToken),
            FinanceRestatements = await Publication.FinanceRestatementRecord.ForReportAsync(connection, council.Code, periods.Period, cancellationToken),
            Actions = periods.Kind == PerformanceReportKind.Annual ? await AnnualReviewQuery.WithMilestonesAsync(connection, council.Code, actions, cancellationToken) : actions,
            CaseStudies = periods.Kind == PerformanceReportKind.Annual ? await AnnualReviewQuery.CaseStudiesAsync(connection, council.Code, periods.Period, cancellationToken) : [],
            Finance = await FinanceReportQuery.ForReportAsync(connection, council.Code, periods.Period, cancellationToken),
        };
    }

    private static DateOnly From(ReportPeriods periods, Frequency frequency) =>
        periods.Trend.Where(p => p.Frequency == frequency).Select(p => p.Start).DefaultIfEmpty(periods.Closing.End.AddDays(1)).Min();

    internal static decimal? Number(object? value) =>
        value is null or DBNull ? null : Convert.ToDecimal(value, CultureInfo.InvariantCulture);

    internal static DateOnly? Date(object? value) => value switch
    {
        null or DBNull => null,
        DateTime dateTime => DateOnly.FromDateTime(dateTime),
        DateOnly date => date,
        _ => DateOnly.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture),
    };

    private sealed class IndicatorRow
    {
        public string Code { get; init; } = "";

        public string Name { get; init; } = "";

        public string Type { get; init; } = "";

        public string Unit { get; init; } = "";

        public string Polarity { get; init; } = "";

        public string Source { get; init; } = "";

        public string PriorityCode { get; init; } = "";

        public string PriorityName { get; init; } = "";

        public string ObjectiveCode { get; init; } = "";

        public string? ObjectiveName { get; init; }

        public long PriorityOrder { get; init; }

        public long ObjectiveOrder { get; init; }

        public string ServiceCode { get; init; } = "";

        public string ServiceName { get; init; } = "";

        public string PeriodCode { get; init; } = "";

        // SQLite hands NUMERIC back as whole or floating numbers row by row, and dates as text; converted once read.
        public string Accumulation { get; init; } = "";

        public object? Value { get; init; }

        public object? Target { get; init; }

        public string? Rag { get; init; }

        public string? DirectionVsPrevious { get; init; }

        public string? DirectionVsLastYear { get; init; }

        public string? Status { get; init; }

        public string? Commentary { get; init; }

        public string? RemedialAction { get; init; }

        public string? NilReturn { get; init; }

        public long DueWorkingDays { get; init; }

        public string? Nation { get; init; }

        public object? FirstReceived { get; init; }

        public string? AddedCommentary { get; init; }

        public string? AddedRemedialAction { get; init; }

        public string? AddedBy { get; init; }

        public DateTime? AddedAt { get; init; }

        /// <summary>When the row was due, by the one rule the template and the sweep use too.</summary>
        public DateOnly? DueDate => CanonicalKey.TryRead(PeriodCode, out var period)
            ? ReturnDueDate.For(period, (int)DueWorkingDays, NationNames.TryRead(Nation, out var nation) ? nation : Calendar.Nation.England)
            : null;

        public ReportedIndicator ToIndicator(bool reported, IEnumerable<TrendPoint> trend)
        {
            var due = DueDate;
            var received = Date(FirstReceived);
            var timeliness = due is null || received is null ? "Unknown" : received <= due ? "On time" : "Late";
            return new(
                Code, Name, Type, Unit, Polarity, PriorityCode, PriorityName, ObjectiveCode, ObjectiveName, ServiceCode, ServiceName, Source, PeriodCode,
                reported
                    ? new ReportedResult(
                        Number(Value), Number(Target), Rag is null ? RagStatus.DataOnly : WarehouseText.ParseRag(Rag),
                        WarehouseText.ParseDirection(DirectionVsPrevious), WarehouseText.ParseDirection(DirectionVsLastYear), Status, Commentary, RemedialAction,
                        NilReturn == "Yes", timeliness, received)
                    {
                        Added = AddedBy is null || AddedAt is null
                            ? null
                            : new FollowUp.ResultNote(AddedCommentary, AddedRemedialAction, AddedBy, new DateTimeOffset(DateTime.SpecifyKind(AddedAt.Value, DateTimeKind.Utc))),
                    }
                    : null,
                due,
                [.. trend])
            {
                YearToDate = Accumulation == "Year to date",
            };
        }
    }

    private sealed class TrendRow
    {
        public string Code { get; init; } = "";

        public string PeriodCode { get; init; } = "";

        public object? Value { get; init; }

        public object? Target { get; init; }

        public string Rag { get; init; } = "";
    }
}

/// <summary>A council as the warehouse names it.</summary>
/// <param name="Code">The council's code.</param>
/// <param name="Name">The council's name.</param>
public sealed record CouncilName(string Code, string Name);
