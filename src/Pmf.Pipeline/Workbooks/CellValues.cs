using System.Globalization;
using System.Text.RegularExpressions;

namespace Pmf.Pipeline.Workbooks;

/// <summary>
/// Reads numbers and dates as people type them into cells: <c>85%</c>, <c>85 %</c>, 0.85 formatted as a
/// percentage, <c>1,234</c>, <c>£1,234.50</c>, stray spaces; UK dates (<c>01/04/2025</c>) or Excel dates.
/// </summary>
public static partial class CellValues
{
    private static readonly string[] DateFormats =
    [
        "d/M/yyyy", "d/M/yy", "d-M-yyyy", "d.M.yyyy", "yyyy-M-d", "yyyy/M/d",
        "d MMM yyyy", "d MMMM yyyy", "d-MMM-yyyy", "d-MMM-yy", "d MMM yy", "MMM d yyyy", "MMMM d yyyy",
        "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss", "d/M/yyyy H:mm", "d/M/yyyy H:mm:ss",
    ];

    /// <summary>
    /// Reads a number. <paramref name="isPercent"/> is true when it was written or formatted as a percentage,
    /// in which case <paramref name="value"/> is in percent (85 for 85%, also for a 0.85 shown as 85%).
    /// Floating-point noise is trimmed to 15 significant digits, as Excel shows.
    /// </summary>
    public static bool TryReadNumber(WorkbookCell cell, out decimal value, out bool isPercent)
    {
        value = 0;
        isPercent = false;
        switch (cell.Value)
        {
            case double number when double.IsFinite(number):
                if (!decimal.TryParse(number.ToString("G15", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
                {
                    return false;
                }

                isPercent = cell.IsPercentFormatted;
                value = isPercent ? value * 100 : value;
                value /= 1.000000000000000000000000000000000m; // drop trailing zeros: 85.00 → 85
                return true;
            case string text:
                return TryParseNumber(text, out value, out isPercent);
            default:
                return false;
        }
    }

    /// <summary>Reads a number typed as text: <c>85%</c>, <c>£1,234.50</c>, <c>-2.5</c>, <c> 1 234 </c> is refused (ambiguous).</summary>
    public static bool TryParseNumber(string? text, out decimal value, out bool isPercent)
    {
        value = 0;
        isPercent = false;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var match = NumberText().Match(text);
        if (!match.Success)
        {
            return false;
        }

        isPercent = match.Groups["percent"].Success;
        var digits = match.Groups["number"].Value.Replace(",", string.Empty, StringComparison.Ordinal);
        if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        value = match.Groups["minus"].Success ? -value : value;
        return true;
    }

    /// <summary>Reads a date: an Excel date, a whole Excel serial number, or text in a UK or ISO form.</summary>
    public static bool TryReadDate(WorkbookCell cell, out DateOnly date)
    {
        date = default;
        switch (cell.Value)
        {
            case DateTime value:
                date = DateOnly.FromDateTime(value);
                return true;
            case double serial when serial >= 1 && serial < 2958466 && serial == Math.Floor(serial):
                date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
                return true;
            case string text when DateTime.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed):
                date = DateOnly.FromDateTime(parsed);
                return true;
            default:
                return false;
        }
    }

    // Optional minus, optional £, digits with well-formed thousands commas (1,234 not 1,23), optional decimals, optional %.
    [GeneratedRegex(@"^\s*(?<minus>-)?\s*£?\s*(?<number>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)\s*(?<percent>%)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberText();
}
