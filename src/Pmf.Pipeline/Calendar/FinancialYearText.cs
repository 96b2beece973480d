using System.Globalization;

namespace Pmf.Pipeline.Calendar;

/// <summary>
/// Reads the two halves of a typed financial year (<c>2025</c> and <c>26</c>, <c>2025</c> and
/// <c>2026</c>, or <c>25</c> and <c>26</c>) and checks that the second year follows the first.
/// </summary>
internal static class FinancialYearText
{
    /// <summary>The earliest start year a typed period may name.</summary>
    public const int FirstYear = 1900;

    /// <summary>The latest start year a typed period may name.</summary>
    public const int LastYear = 2998;

    /// <summary>Two-digit years are read in this century: <c>25/26</c> is 2025/26.</summary>
    private const int Century = 2000;

    public static bool TryRead(string first, string second, string raw, out FinancialYear year, out string? error)
    {
        year = default;
        var start = Number(first);
        var end = Number(second);
        int? startYear = (first.Length, second.Length) switch
        {
            (4, 2) when end == (start + 1) % 100 => start,
            (4, 4) when end == start + 1 => start,
            (2, 2) when end == (start + 1) % 100 => Century + start,
            _ => null,
        };

        if (startYear is null)
        {
            var example = first.Length == 4 ? new FinancialYear(start) : new FinancialYear(Century + start);
            error = $"'{raw}' names a financial year whose second year is not the one after the first; write it as e.g. {example.Key}.";
            return false;
        }

        if (startYear is < FirstYear or > LastYear)
        {
            error = $"'{raw}' names a year outside {FirstYear} to {LastYear}; check the year.";
            return false;
        }

        year = new FinancialYear(startYear.Value);
        error = null;
        return true;
    }

    public static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
}
