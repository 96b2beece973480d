using System.Text;

namespace Pmf.Pipeline;

/// <summary>
/// Text someone typed, made safe for where it goes next. Control characters other than tab, carriage
/// return and line feed (NUL, BEL, ESC, DEL and the C1 range) mean nothing in a report and can cut or
/// restyle what follows them in a terminal or a spreadsheet, so they become spaces (pages have the same done by
/// <see cref="Pages.PageRenderer"/>, which also encodes them); a mail header
/// also loses line breaks and the invisible bidirectional controls (U+202E and kin) that can make a file
/// name read backwards; a CSV cell that a spreadsheet would run as a formula is made plain text.
/// </summary>
public static class SafeText
{
    /// <summary><paramref name="text"/> with every control character but tab, CR and LF replaced by a space.</summary>
    private static string WithoutControls(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Replace(text, c => char.IsControl(c) && c is not ('\t' or '\r' or '\n'));
    }

    /// <summary>
    /// One line for a mail header or subject: control characters, line and paragraph separators become
    /// spaces, bidirectional controls are removed, and the ends are trimmed.
    /// </summary>
    public static string OneLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (IsBidiControl(c))
            {
                continue;
            }

            line.Append(char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c);
        }

        return line.ToString().Trim();
    }

    /// <summary>
    /// One CSV cell (RFC 4180): control characters but tab, CR and LF become spaces; a cell starting with
    /// <c>= + - @</c>, a tab, a carriage return or a line feed is prefixed with <c>'</c> so a spreadsheet
    /// shows it as text instead of running it; quoted when it holds a comma, quote or line break.
    /// </summary>
    public static string CsvField(string? text)
    {
        var value = WithoutControls(text ?? "");
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n')
        {
            value = "'" + value;
        }

        return CsvQuoted(value);
    }

    /// <summary>A CSV cell quoted when it holds a comma, quote or line break, and nothing else changed (numbers, dates).</summary>
    public static string CsvQuoted(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>The Unicode bidirectional formatting controls (LRM, RLM, ALM, embeddings, overrides and isolates).</summary>
    internal static bool IsBidiControl(char c) =>
        c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static string Replace(string text, Func<char, bool> unwanted)
    {
        if (!text.Any(unwanted))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            clean.Append(unwanted(c) ? ' ' : c);
        }

        return clean.ToString();
    }
}
