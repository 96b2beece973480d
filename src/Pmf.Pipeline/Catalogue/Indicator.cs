using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Scoring;

namespace Pmf.Pipeline.Catalogue;

/// <summary>A key performance indicator as the catalogue defines it.</summary>
public sealed record Indicator
{
    /// <summary>The sentinel <see cref="Source"/> for indicators that services report in returns.</summary>
    public const string ReturnSource = "Return";

    /// <summary>Unique across the catalogue, e.g. <c>HOU-01</c>.</summary>
    public required string Code { get; init; }

    /// <summary>Short name as committees read it.</summary>
    public required string Name { get; init; }

    /// <summary>What is measured and how.</summary>
    public string? Description { get; init; }

    /// <summary>The council whose plan the indicator belongs to.</summary>
    public required string CouncilCode { get; init; }

    /// <summary>The priority (theme) it serves.</summary>
    public required string PriorityCode { get; init; }

    /// <summary>The strategic objective within the priority, if any.</summary>
    public string? ObjectiveCode { get; init; }

    /// <summary>The service that reports it and answers for its data.</summary>
    public required string ServiceCode { get; init; }

    /// <summary>Quantitative or qualitative.</summary>
    public required IndicatorType Type { get; init; }

    /// <summary>The unit of the value.</summary>
    public required Unit Unit { get; init; }

    /// <summary>Which way is better.</summary>
    public required Polarity Polarity { get; init; }

    /// <summary>How often it is reported.</summary>
    public required Frequency Frequency { get; init; }

    /// <summary>value = numerator ÷ denominator × multiplier (100 for %, 1000 for a rate per thousand, else 1).</summary>
    public required decimal Multiplier { get; init; }

    /// <summary>
    /// True when a percentage may lie below 0 or above 100 (outturn as a % of budget, a % change); the
    /// catalogue's <c>Percent beyond 0–100</c> column. Otherwise DQ043 rejects such a value.
    /// </summary>
    public bool PercentBeyondRange { get; init; }

    /// <summary>
    /// How the value builds up through the year (the catalogue's <c>Accumulates</c> column; default per period).
    /// A year-to-date indicator is judged against a year-to-date target and compared with the same period last year.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public Accumulation Accumulation { get; init; }

    /// <summary>The amber band.</summary>
    public required Tolerance Tolerance { get; init; }

    /// <summary>Working days after the period ends by which the return is due (default 10).</summary>
    public required int DueWorkingDays { get; init; }

    /// <summary><see cref="ReturnSource"/>, or the name of the service-system source that feeds it.</summary>
    public required string Source { get; init; }

    /// <summary>The officer who leads on it.</summary>
    public string? LeadOfficer { get; init; }

    /// <summary>The committee that receives it.</summary>
    public string? Committee { get; init; }

    /// <summary>First day it is reported, if it is new.</summary>
    public DateOnly? ActiveFrom { get; init; }

    /// <summary>Last day it is reported, if it is retired.</summary>
    public DateOnly? ActiveTo { get; init; }

    /// <summary>True when the indicator is active for any part of <paramref name="period"/>.</summary>
    public bool IsActiveIn(Period period) =>
        (ActiveFrom is null || ActiveFrom <= period.End) && (ActiveTo is null || ActiveTo >= period.Start);
}
