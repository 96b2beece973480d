using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Scoring;

namespace Pmf.Pipeline.Quality;

/// <summary>
/// A result that passed the gate (possibly with warnings), normalised and scored, ready to load.
/// Lineage (sheet and row) travels with it; the submission adds file, sender and received time.
/// </summary>
public sealed record AcceptedResult
{
    /// <summary>The indicator's catalogue code, as the catalogue spells it.</summary>
    public required string IndicatorCode { get; init; }

    /// <summary>The period the value is for.</summary>
    public required Period Period { get; init; }

    /// <summary>The value in the indicator's unit (percentages as 0–100); null for a nil return or a qualitative indicator.</summary>
    public decimal? Value { get; init; }

    /// <summary>The numerator, where given.</summary>
    public decimal? Numerator { get; init; }

    /// <summary>The denominator, where given.</summary>
    public decimal? Denominator { get; init; }

    /// <summary>True when the value was blank and worked out as numerator ÷ denominator × multiplier.</summary>
    public bool IsValueComputed { get; init; }

    /// <summary>The qualitative status (On track, At risk, Off track, Complete, Not started), canonical spelling.</summary>
    public string? Status { get; init; }

    /// <summary>The sender's commentary (for a nil return: the reason).</summary>
    public string? Commentary { get; init; }

    /// <summary>The remedial action, where given.</summary>
    public string? RemedialAction { get; init; }

    /// <summary>A case study's title: the commentary is then a story for the annual review.</summary>
    public string? CaseStudyTitle { get; init; }

    /// <summary>True for a blank value with a reason: recorded as missing, and flagged.</summary>
    public bool IsNilReturn { get; init; }

    /// <summary>The status against target.</summary>
    public required RagStatus Rag { get; init; }

    /// <summary>The target the value was measured against, if any.</summary>
    public decimal? Target { get; init; }

    /// <summary>The tolerance in force for the period.</summary>
    public Tolerance? Tolerance { get; init; }

    /// <summary>The explicit amber threshold, if the target had one.</summary>
    public decimal? AmberThreshold { get; init; }

    /// <summary>The warehouse's version of the target the value was judged against, if any.</summary>
    public long? TargetVersionId { get; init; }

    /// <summary>The sheet the value came from (lineage).</summary>
    public string? Sheet { get; init; }

    /// <summary>The row the value came from (lineage).</summary>
    public int? Row { get; init; }

    /// <summary>
    /// Currency and direction of travel as the gate judged them against the warehouse's current results
    /// and the file's earlier rows; null when the result did not come through a gate that holds the
    /// warehouse's history, and the load then judges it set-based.
    /// </summary>
    internal GateJudgement? Judged { get; init; }
}
