using Pmf.Pipeline.Calendar;

namespace Pmf.Pipeline.Templates;

/// <summary>
/// Which of an indicator's own periods a template lists: every period of the indicator's frequency that
/// ends within the template's period. So a quarter's template lists its three months for monthly
/// indicators, the quarter for quarterly ones and, in Q4 only, the year for annual ones (the year ends
/// with Q4); a month's template lists the month, and the quarter or year that ends with it; a year's
/// template lists all twelve months, the four quarters and the year. An annual indicator is never in a
/// Q1–Q3 template.
/// </summary>
public static class TemplatePeriods
{
    /// <summary>The periods of <paramref name="frequency"/> ending within <paramref name="template"/>, in order.</summary>
    public static IEnumerable<Period> Within(Period template, Frequency frequency)
    {
        ArgumentNullException.ThrowIfNull(template);
        // Every period of a financial year ends within that year, and a template never spans two.
        return Period.In(template.Year, frequency).Where(p => p.End >= template.Start && p.End <= template.End);
    }
}
