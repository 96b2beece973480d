namespace Pmf.Pipeline.Reports;

/// <summary>One published result as the open data shows it (docs/open-data.md describes every field).</summary>
public sealed record OpenDataResult
{
    /// <summary>The council's code.</summary>
    public required string CouncilCode { get; init; }

    /// <summary>The council's name.</summary>
    public required string CouncilName { get; init; }

    /// <summary>The priority (theme) the indicator serves.</summary>
    public required string PriorityCode { get; init; }

    /// <summary>The priority's name.</summary>
    public required string PriorityName { get; init; }

    /// <summary>The strategic objective's code; empty when the indicator serves the priority as a whole.</summary>
    public required string ObjectiveCode { get; init; }

    /// <summary>The objective's name.</summary>
    public string? ObjectiveName { get; init; }

    /// <summary>The reporting service's code.</summary>
    public required string ServiceCode { get; init; }

    /// <summary>The reporting service's name.</summary>
    public required string ServiceName { get; init; }

    /// <summary>The indicator's code.</summary>
    public required string IndicatorCode { get; init; }

    /// <summary>The indicator's name.</summary>
    public required string IndicatorName { get; init; }

    /// <summary>Quantitative or Qualitative.</summary>
    public required string IndicatorType { get; init; }

    /// <summary>%, count, £, days, ratio or score.</summary>
    public required string Unit { get; init; }

    /// <summary>Higher is better, Lower is better or None.</summary>
    public required string Polarity { get; init; }

    /// <summary>Monthly, Quarterly or Annual.</summary>
    public required string Frequency { get; init; }

    /// <summary>The period's key, e.g. 2026/27 Q2.</summary>
    public required string Period { get; init; }

    /// <summary>The period in words, e.g. Jul-Sep 2026.</summary>
    public required string PeriodLabel { get; init; }

    /// <summary>The period's first day.</summary>
    public required DateOnly PeriodStart { get; init; }

    /// <summary>The period's last day.</summary>
    public required DateOnly PeriodEnd { get; init; }

    /// <summary>The result; null for a nil return or a qualitative indicator.</summary>
    public decimal? Value { get; init; }

    /// <summary>The numerator, when the service gave one.</summary>
    public decimal? Numerator { get; init; }

    /// <summary>The denominator, when the service gave one.</summary>
    public decimal? Denominator { get; init; }

    /// <summary>The target for the period, if any.</summary>
    public decimal? Target { get; init; }

    /// <summary>Red, Amber, Green or Data only.</summary>
    public required string Rag { get; init; }

    /// <summary>Improving, Steady or Worsening against the period before; null when not comparable.</summary>
    public string? DirectionVsPrevious { get; init; }

    /// <summary>The same against the same period last year.</summary>
    public string? DirectionVsLastYear { get; init; }

    /// <summary>A qualitative indicator's self-assessment.</summary>
    public string? Status { get; init; }

    /// <summary>True when the service returned no value and said why.</summary>
    public required bool NilReturn { get; init; }

    /// <summary>The service's commentary.</summary>
    public string? Commentary { get; init; }

    /// <summary>The service's remedial action.</summary>
    public string? RemedialAction { get; init; }

    /// <summary>When this value was published (loaded into the warehouse), UTC.</summary>
    public required DateTimeOffset PublishedAt { get; init; }
}
