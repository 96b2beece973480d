using System.Globalization;
using System.Text.RegularExpressions;

namespace Pmf.Pipeline.Calendar;

/// <summary>The outcome of reading a period as a person typed it: a period, or why not.</summary>
/// <param name="Period">The period, when the text named exactly one.</param>
/// <param name="Error">Why the text could not be read, in words for the person who typed it.</param>
public sealed record PeriodParseResult(Period? Period, string? Error)
{
    /// <summary>True when <see cref="Period"/> holds a value.</summary>
    public bool Success => Period is not null;
}

/// <summary>Reads the period forms of FORMATS.md. A form that fits two periods is an error, never a guess.</summary>
public static partial class PeriodParser
{
    /// <summary>Reads <paramref name="text"/> as a period.</summary>
    public static PeriodParseResult Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new(null, "The period is blank.");
        }

        var match = CanonicalKey().Match(text.Trim());
        if (!match.Success)
        {
            return new(null, $"'{text}' is not a period this pipeline recognises; write it as e.g. 2025/26 Q1, Apr 2025 or 2025/26.");
        }

        var start = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        var end = int.Parse(match.Groups["e"].Value, CultureInfo.InvariantCulture);
        if ((start + 1) % 100 != end)
        {
            return new(null, $"'{text}' names a financial year whose two years do not follow each other.");
        }

        if (match.Groups["q"].Success)
        {
            return new(Period.Quarter(start, int.Parse(match.Groups["q"].Value, CultureInfo.InvariantCulture)), null);
        }

        if (match.Groups["m"].Success)
        {
            return new(Period.Month(start, int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture)), null);
        }

        return new(Period.Annual(start), null);
    }

    /// <summary>The period of <paramref name="frequency"/> containing an Excel date.</summary>
    public static Period FromDate(DateTime date, Frequency frequency) => Period.Containing(DateOnly.FromDateTime(date), frequency);

    [GeneratedRegex(@"^(?<y>\d{4})/(?<e>\d{2})(?:\s+(?:Q(?<q>[1-4])|M(?<m>0[1-9]|1[0-2])))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CanonicalKey();
}
