using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;

namespace Pmf.Pipeline.Templates;

/// <summary>One row a return template asks for: an indicator and one of its own periods, with what the sender needs beside it.</summary>
/// <param name="Indicator">The definition that governs <paramref name="Period"/> (code, name, type, unit, polarity).</param>
/// <param name="Period">The indicator's own period (a month, quarter or year) the row is for.</param>
/// <param name="Target">The target for the period, when the catalogue sets one.</param>
/// <param name="LastPeriod">The period before <paramref name="Period"/>, of the same frequency.</param>
/// <param name="LastValue">The current value for <paramref name="LastPeriod"/> in the warehouse, if any.</param>
/// <param name="LastStatus">The current status for <paramref name="LastPeriod"/> of a qualitative indicator, if any.</param>
public sealed record TemplateLine(
    Indicator Indicator,
    Period Period,
    decimal? Target,
    Period LastPeriod,
    decimal? LastValue,
    string? LastStatus)
{
    /// <summary>The day the row is due: its period's end plus its indicator's working days, by its council's calendar.</summary>
    public DateOnly DueBy { get; init; }

    /// <summary>True for a qualitative indicator: the row takes a Status, not a Value.</summary>
    public bool IsQualitative => Indicator.Type == IndicatorType.Qualitative;
}
