using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Quality;

/// <summary>
/// Reads numbers as people type them into returns: <c>85%</c>, <c>85 %</c>, 0.85 in a cell formatted
/// as a percentage (85), <c>1,234</c>, <c>£1,234.50</c>, <c>(1,234)</c> (accountants' negative),
/// <c>+5</c>, <c>-5</c>, <c>−5</c> (a typographic minus), and stray, non-breaking or zero-width
/// spaces. Text is data: <c>=SUM(A1)</c> or <c>@x</c> is never evaluated, it is
/// <see cref="NumberReadingKind.FormulaText"/>. Refused rather than guessed: <c>1 234</c> (one number or
/// two?), <c>1.234,5</c>, <c>1,23</c>, exponents, other currencies.
/// </summary>
public static partial class NumberNormaliser
{
    /// <summary>Reads a cell: a stored number (scaled ×100 when percent-formatted), or text as typed.</summary>
    public static NumberReading Read(WorkbookCell cell) => cell.Value switch
    {
        null => NumberReading.Blank,
        double number => FromStored(number, cell.IsPercentFormatted),
        string text => Parse(text),
        DateTime => new(NumberReadingKind.Date, 0m, false),
        WorkbookError => new(NumberReadingKind.ExcelError, 0m, false),
        _ => new(NumberReadingKind.NotANumber, 0m, false),
    };

    /// <summary>Reads a number typed as text.</summary>
    public static NumberReading Parse(string? text)
    {
        var clean = Clean(text);
        if (clean.Length == 0)
        {
            return NumberReading.Blank;
        }

        if (clean[0] is '=' or '@')
        {
            return new(NumberReadingKind.FormulaText, 0m, false);
        }

        if (WorkbookError.IsErrorText(clean))
        {
            return new(NumberReadingKind.ExcelError, 0m, false);
        }

        var bracketed = clean.Length > 2 && clean[0] == '(' && clean[^1] == ')';
        var match = NumberText().Match(bracketed ? clean[1..^1].Trim() : clean);
        var signs = match.Groups["sign"].Captures.Count;
        if (!match.Success || signs > 1 || (bracketed && signs > 0) || (match.Groups["pound"].Success && match.Groups["percent"].Success))
        {
            return new(NumberReadingKind.NotANumber, 0m, false);
        }

        var digits = match.Groups["number"].Value.Replace(",", string.Empty, StringComparison.Ordinal);
        if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return new(NumberReadingKind.NotANumber, 0m, false);
        }

        var negative = bracketed || (signs == 1 && match.Groups["sign"].Value == "-");
        return new(NumberReadingKind.Number, negative ? -value : value, match.Groups["percent"].Success);
    }

    private static NumberReading FromStored(double number, bool isPercent)
    {
        // G15 is what Excel shows, so 0.1 + 0.2 reads as 0.3; the stored binary noise is not the sender's.
        if (!double.IsFinite(number)
            || !decimal.TryParse(number.ToString("G15", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return new(NumberReadingKind.NotANumber, 0m, false);
        }

        return new(NumberReadingKind.Number, Decimals.Trim(isPercent ? value * 100m : value), isPercent);
    }

    /// <summary>Every kind of space becomes a plain one, zero-width characters go, runs collapse, ends are trimmed.</summary>
    private static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF':
                    break;
                case '\u2212' or '\u2013' or '\u2012' or '\uFE63' or '\uFF0D':
                    builder.Append('-');
                    break;
                case '\uFF05':
                    builder.Append('%');
                    break;
                case var space when char.IsWhiteSpace(space):
                    if (builder.Length > 0 && builder[^1] != ' ')
                    {
                        builder.Append(' ');
                    }

                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        var clean = builder.ToString().Trim();

        // Excel's text prefix: '0123 is typed so the cell keeps its text; it is not part of the value.
        return clean.StartsWith('\'') ? clean[1..].TrimStart() : clean;
    }

    // Optional sign (before or after £), optional £, digits with well-formed thousands commas, optional decimals, optional %.
    [GeneratedRegex(@"^(?<sign>[+-])? ?(?<pound>£)? ?(?<sign>[+-])? ?(?<number>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+) ?(?<percent>%)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberText();
}
