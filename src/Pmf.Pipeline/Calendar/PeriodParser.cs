namespace Pmf.Pipeline.Calendar;

/// <summary>
/// Reads the period forms of FORMATS.md, ignoring case, extra spaces and the kind of dash. A form
/// that fits two periods is an error that says why and how to write it, never a guess.
/// </summary>
public static class PeriodParser
{
    private static readonly PeriodParseResult Blank = PeriodParseResult.Fail($"The period is blank; {PeriodForms.Examples}.");

    /// <summary>
    /// Reads <paramref name="text"/> as a period: a quarter (<c>2025/26 Q1</c>, <c>Q1 2025/26</c>,
    /// <c>2025-26 Q1</c>, <c>Q1 25/26</c>, <c>Apr-Jun 2025</c>), a month (<c>2025/26 M01</c>,
    /// <c>Apr 2025</c>, <c>April 2025</c>, <c>2025-04</c>, <c>04/2025</c>) or a financial year
    /// (<c>2025/26</c>, <c>2025-26</c>, <c>FY2025/26</c>, <c>FY25/26</c>). A date is an error here,
    /// because it lies in a month, a quarter and a year; see <see cref="Parse(string?, Frequency)"/>.
    /// </summary>
    public static PeriodParseResult Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Blank;
        }

        if (CanonicalKey.TryRead(text, out var canonical))
        {
            return PeriodParseResult.Ok(canonical);
        }

        var normal = PeriodText.Normalise(text);
        if (DateForms.TryRead(normal, out var date))
        {
            var (month, quarter, year) = (Period.Containing(date, Frequency.Monthly), Period.Containing(date, Frequency.Quarterly), Period.Containing(date, Frequency.Annual));
            return PeriodParseResult.Fail($"'{text}' is a date, which lies in {month.Key}, {quarter.Key} and {year.Key}; write the period instead.");
        }

        return QuarterForms.TryRead(normal, text)
            ?? MonthForms.TryRead(normal, text)
            ?? YearForms.TryRead(normal, text)
            ?? PeriodParseResult.Fail($"'{text}' is not a period this pipeline recognises; {PeriodForms.Examples}.");
    }

    /// <summary>
    /// Reads <paramref name="text"/> as a period of an indicator reported at <paramref name="expected"/>
    /// frequency: a period of another frequency is an error, a date is read as the period of
    /// <paramref name="expected"/> frequency that contains it, and a form that fits two periods is read
    /// as the one of <paramref name="expected"/> frequency when only one is (<c>2010-11</c> is the
    /// financial year 2010/11 for an annual indicator, November 2010 for a monthly one). Two readings
    /// of that frequency stay an error (<c>FY2025</c> for an annual indicator).
    /// </summary>
    public static PeriodParseResult Parse(string? text, Frequency expected) => Parse(text, expected, indicatorCode: null);

    /// <summary>
    /// As <see cref="Parse(string?, Frequency)"/>, naming the indicator in the error, e.g.
    /// <c>'Apr 2025' is a month, but HOU-01 is reported quarterly</c>.
    /// </summary>
    public static PeriodParseResult Parse(string? text, Frequency expected, string? indicatorCode)
    {
        if (text is not null && CanonicalKey.TryRead(text, out var canonical) && canonical.Frequency == expected)
        {
            return PeriodParseResult.Ok(canonical);
        }

        if (!string.IsNullOrWhiteSpace(text) && DateForms.TryRead(PeriodText.Normalise(text), out var date))
        {
            return PeriodParseResult.Ok(Period.Containing(date, expected));
        }

        var result = Parse(text);
        if (result.Period is null && result.Readings.Where(reading => reading.Frequency == expected).ToList() is [var only])
        {
            return PeriodParseResult.Ok(only); // 2010-11 for an annual indicator: a month would not fit it
        }

        if (result.Period is not { } period || period.Frequency == expected)
        {
            return result;
        }

        var indicator = string.IsNullOrWhiteSpace(indicatorCode) ? "the indicator" : indicatorCode;
        var example = Period.Containing(period.Start, expected);
        return PeriodParseResult.Fail($"'{text}' is {Noun(period.Frequency)}, but {indicator} is reported {Adverb(expected)}; write {Noun(expected)}, e.g. {example.Key}.");
    }

    /// <summary>The period of <paramref name="frequency"/> containing an Excel date (its time of day is ignored).</summary>
    public static Period FromDate(DateTime date, Frequency frequency) => Period.Containing(DateOnly.FromDateTime(date), frequency);

    private static string Noun(Frequency frequency) => frequency switch
    {
        Frequency.Monthly => "a month",
        Frequency.Quarterly => "a quarter",
        _ => "a financial year",
    };

    private static string Adverb(Frequency frequency) => frequency switch
    {
        Frequency.Monthly => "monthly",
        Frequency.Quarterly => "quarterly",
        _ => "annually",
    };
}
