namespace Pmf.Pipeline.Calendar;

/// <summary>The outcome of reading a period as a person typed it: a period, or why not.</summary>
/// <param name="Period">The period, when the text named exactly one.</param>
/// <param name="Error">Why the text could not be read, in words for the person who typed it.</param>
public sealed record PeriodParseResult(Period? Period, string? Error)
{
    /// <summary>True when <see cref="Period"/> holds a value.</summary>
    public bool Success => Period is not null;

    internal static PeriodParseResult Ok(Period period) => new(period, null);

    internal static PeriodParseResult Fail(string error) => new(null, error);
}
