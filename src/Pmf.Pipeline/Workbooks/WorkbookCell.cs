using System.Globalization;

namespace Pmf.Pipeline.Workbooks;

/// <summary>
/// One cell as the file holds it. <see cref="Value"/> is a <see cref="double"/>, <see cref="string"/>,
/// <see cref="bool"/>, <see cref="DateTime"/> (a number in a date format), <see cref="WorkbookError"/> (an Excel
/// error value such as <c>#DIV/0!</c>) or null (empty). CSV cells are always strings without a format.
/// </summary>
/// <param name="Value">The raw value.</param>
/// <param name="NumberFormat">The cell's number format string (e.g. <c>0%</c>, <c>dd/mm/yyyy</c>), or null.</param>
public readonly record struct WorkbookCell(object? Value, string? NumberFormat)
{
    /// <summary>An empty cell.</summary>
    public static WorkbookCell Blank => default;

    /// <summary>True when the cell is empty or holds only white space.</summary>
    public bool IsBlank => Value is null || (Value is string text && string.IsNullOrWhiteSpace(text));

    /// <summary>True for a number shown as a percentage, so a stored 0.85 means 85%.</summary>
    public bool IsPercentFormatted => Value is double && NumberFormat is not null && HasPercentSign(NumberFormat);

    /// <summary>
    /// The value as a person reads it, culture-invariant: text as typed, numbers without float noise
    /// (a percent-formatted 0.85 as <c>85%</c>), dates as <c>yyyy-MM-dd</c>, booleans as <c>TRUE</c>/<c>FALSE</c>.
    /// </summary>
    public string Text => Value switch
    {
        null => string.Empty,
        string text => text,
        double number when IsPercentFormatted => (number * 100).ToString("G15", CultureInfo.InvariantCulture) + "%",
        double number => number.ToString("G15", CultureInfo.InvariantCulture),
        DateTime date when date.TimeOfDay == TimeSpan.Zero => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime date => date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool flag => flag ? "TRUE" : "FALSE",
        _ => Convert.ToString(Value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <inheritdoc />
    public override string ToString() => Text;

    /// <summary>True when a format string shows a percentage: a % outside quotes, brackets and escapes.</summary>
    private static bool HasPercentSign(string format)
    {
        var quoted = false;
        var bracketed = false;
        for (var i = 0; i < format.Length; i++)
        {
            switch (format[i])
            {
                case '"':
                    quoted = !quoted;
                    break;
                case '[' when !quoted:
                    bracketed = true;
                    break;
                case ']' when !quoted:
                    bracketed = false;
                    break;
                case '\\' or '_' or '*' when !quoted:
                    i++; // the next character is literal (\x), a space the width of x (_x) or a fill (*x)
                    break;
                case '%' when !quoted && !bracketed:
                    return true;
            }
        }

        return false;
    }
}
