namespace Pmf.Pipeline.Calendar;

/// <summary>The outcome of reading a period as a person typed it: a period, or why not.</summary>
/// <param name="Period">The period, when the text named exactly one.</param>
/// <param name="Error">Why the text could not be read, in words for the person who typed it.</param>
public sealed record PeriodParseResult(Period? Period, string? Error)
{
    /// <summary>True when <see cref="Period"/> holds a value.</summary>
    public bool Success => Period is not null;

    internal static PeriodParseResult Ok(Period period) => new(period, null);

    /// <summary>
    /// The periods a form that fits more than one could mean (<c>2011-12</c>: the financial year 2011/12
    /// and December 2011); empty otherwise. Where the indicator's frequency leaves one, that one is meant.
    /// </summary>
    public IReadOnlyList<Period> Readings { get; private init; } = [];

    internal static PeriodParseResult Fail(string error) => new(null, error);

    internal static PeriodParseResult Ambiguous(string error, params Period[] readings) => new(null, error) { Readings = readings };
}
