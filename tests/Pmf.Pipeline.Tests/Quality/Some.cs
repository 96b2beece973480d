using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Returns;
using Pmf.Pipeline.Scoring;
using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Tests.Quality;

/// <summary>
/// Arbitrary but valid test data for the gate. Checked as of 15 Nov 2025, so 2025/26 Q2 (Jul–Sep) is
/// the last ended quarter and Q3 is still running. The sender is HOU, whose indicators are:
/// HOU-01 (% re-lets on time, quarterly, higher is better, 5% tolerance, target 90 in Q2),
/// HOU-02 (count of complaints, quarterly, lower is better), HOU-03 (days to re-let, monthly),
/// HOU-04 (£ rent arrears, annual) and HOU-Q1 (a qualitative project). ENV-01 belongs to ENV.
/// </summary>
internal static class Some
{
    public static readonly DateOnly AsOf = new(2025, 11, 15);

    public static Indicator Indicator(
        string code = "HOU-01",
        string service = "HOU",
        Unit unit = Unit.Percent,
        Frequency frequency = Frequency.Quarterly,
        IndicatorType type = IndicatorType.Quantitative,
        Polarity polarity = Polarity.HigherIsBetter,
        Tolerance? tolerance = null,
        decimal? multiplier = null,
        DateOnly? activeFrom = null,
        DateOnly? activeTo = null) => new()
        {
            Code = code,
            Name = $"Indicator {code}",
            CouncilCode = "CC",
            PriorityCode = "P1",
            ServiceCode = service,
            Type = type,
            Unit = unit,
            Polarity = polarity,
            Frequency = frequency,
            Multiplier = multiplier ?? (unit == Unit.Percent ? 100m : 1m),
            Tolerance = tolerance ?? Tolerance.Percent(5),
            DueWorkingDays = 10,
            Source = Pipeline.Catalogue.Indicator.ReturnSource,
            ActiveFrom = activeFrom,
            ActiveTo = activeTo,
        };

    /// <summary>The standard framework: see the class summary.</summary>
    public static ContextBuilder Context() => new ContextBuilder()
        .With(Indicator())
        .With(Indicator("HOU-02", unit: Unit.Count, polarity: Polarity.LowerIsBetter))
        .With(Indicator("HOU-03", unit: Unit.Days, frequency: Frequency.Monthly, polarity: Polarity.LowerIsBetter))
        .With(Indicator("HOU-04", unit: Unit.Pounds, frequency: Frequency.Annual, polarity: Polarity.LowerIsBetter))
        .With(Indicator("HOU-Q1", type: IndicatorType.Qualitative, unit: Unit.Score, polarity: Polarity.None))
        .With(Indicator("ENV-01", service: "ENV"))
        .Target("HOU-01", "2025/26 Q2", 90m);

    public static QualityGate Gate() => new(Context().Build());

    public static Period Period(string key) => PeriodParser.Parse(key).Period ?? throw new ArgumentException($"Not a period key: {key}", nameof(key));

    public static WorkbookCell Cell(object? value, string? format = null) => new(value, format);

    /// <summary>
    /// A clean row for HOU-01 in 2025/26 Q2 (Green against its target of 90) unless told otherwise;
    /// null is a blank cell. For a number, date or formatted cell use <c>with { Value = Some.Cell(0.92, "0%") }</c>.
    /// </summary>
    public static ReturnRow Row(
        string? indicator = "HOU-01",
        string? period = "2025/26 Q2",
        string? value = "92",
        string? numerator = null,
        string? denominator = null,
        string? status = null,
        string? commentary = "Steady.",
        string? remedial = null,
        int row = 2,
        string sheet = "Return") => new(
            sheet,
            row,
            Cell(indicator),
            Cell(period),
            Cell(value),
            Cell(numerator),
            Cell(denominator),
            Cell(status),
            Cell(commentary),
            Cell(remedial));

    /// <summary>A clean qualitative row for HOU-Q1 in 2025/26 Q2.</summary>
    public static ReturnRow Qualitative(string? status = "On track", string? commentary = "Milestones met.", int row = 2) =>
        Row("HOU-Q1", value: null, status: status, commentary: commentary, row: row);

    public static IReadOnlyList<string> RuleIds(this CheckedRow row) => [.. row.Issues.Select(i => i.RuleId)];

    public static QualityIssue Issue(this CheckedRow row, QualityRule rule) => Assert.Single(row.Issues, i => i.RuleId == rule.Id);
}

/// <summary>Builds a <see cref="GateContext"/> one fact at a time.</summary>
internal sealed class ContextBuilder
{
    private readonly Dictionary<string, List<IndicatorVersion>> _indicators = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string, string), Target> _targets = [];
    private readonly Dictionary<string, List<HistoricResult>> _history = new(StringComparer.OrdinalIgnoreCase);
    private string? _sender = "HOU";
    private DateOnly _asOf = Some.AsOf;

    public ContextBuilder With(Indicator indicator, DateOnly? validFrom = null, DateOnly? validTo = null)
    {
        if (!_indicators.TryGetValue(indicator.Code, out var versions))
        {
            _indicators[indicator.Code] = versions = [];
        }

        versions.Add(new IndicatorVersion(indicator, validFrom ?? new DateOnly(2000, 4, 1), validTo));
        return this;
    }

    public ContextBuilder Sender(string? service)
    {
        _sender = service;
        return this;
    }

    public ContextBuilder AsOf(DateOnly date)
    {
        _asOf = date;
        return this;
    }

    public ContextBuilder Target(string code, string periodKey, decimal value, decimal? amberThreshold = null)
    {
        _targets[(code, periodKey)] = new Target(code, Some.Period(periodKey), value, amberThreshold);
        return this;
    }

    public ContextBuilder History(
        string code, string periodKey, decimal? value, RagStatus rag = RagStatus.DataOnly, string? remedial = null,
        decimal? numerator = null, decimal? denominator = null, bool explained = false)
    {
        if (!_history.TryGetValue(code, out var results))
        {
            _history[code] = results = [];
        }

        results.Add(new HistoricResult(Some.Period(periodKey), value, rag, remedial) { Numerator = numerator, Denominator = denominator, Explained = explained });
        results.Sort((a, b) => a.Period.CompareTo(b.Period));
        return this;
    }

    /// <summary>History for the quarters before 2025/26 Q2, oldest first, ending with 2025/26 Q1.</summary>
    public ContextBuilder QuarterlyHistory(string code, params decimal[] values)
    {
        var period = Some.Period("2025/26 Q2");
        for (var i = values.Length - 1; i >= 0; i--)
        {
            period = period.Previous();
            History(code, period.Key, values[i]);
        }

        return this;
    }

    /// <summary>Annual history for the financial years before <paramref name="lastYearStart"/>/.. + 1, oldest first, ending with it.</summary>
    public ContextBuilder AnnualHistory(string code, int lastYearStart, params decimal[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            History(code, Pipeline.Calendar.Period.Annual(lastYearStart - values.Length + 1 + i).Key, values[i]);
        }

        return this;
    }

    /// <summary>Lets <paramref name="code"/>'s percentages go beyond 0–100, as the catalogue's column does.</summary>
    public ContextBuilder Unbounded(string code)
    {
        var versions = _indicators[code];
        for (var i = 0; i < versions.Count; i++)
        {
            versions[i] = versions[i] with { Definition = versions[i].Definition with { PercentBeyondRange = true } };
        }

        return this;
    }

    public GateContext Build() => new()
    {
        SenderService = _sender,
        AsOf = _asOf,
        Indicators = _indicators.ToDictionary(p => p.Key, p => (IReadOnlyList<IndicatorVersion>)p.Value, StringComparer.OrdinalIgnoreCase),
        Targets = new Dictionary<(string, string), Target>(_targets),
        History = _history.ToDictionary(p => p.Key, p => (IReadOnlyList<HistoricResult>)p.Value, StringComparer.OrdinalIgnoreCase),
    };

    public QualityGate Gate() => new(Build());
}
