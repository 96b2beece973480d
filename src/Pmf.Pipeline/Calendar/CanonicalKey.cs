using System.Diagnostics.CodeAnalysis;

namespace Pmf.Pipeline.Calendar;

/// <summary>
/// The fast path for the form the warehouse itself writes (<c>2025/26</c>, <c>2025/26 Q1</c>,
/// <c>2025/26 M01</c>), which is what templates and system pulls send: read without normalising or
/// trying the other forms. A return of a million rows spends its time here, so it matters.
/// </summary>
internal static class CanonicalKey
{
    public static bool TryRead(string text, [NotNullWhen(true)] out Period? period)
    {
        period = null;
        var s = text.AsSpan().Trim();
        if (s.Length is not (7 or 10 or 11) || s[4] != '/'
            || !Digits(s[..4], out var start) || !Digits(s.Slice(5, 2), out var end)
            || (start + 1) % 100 != end || start < 1900 || start > 2998)
        {
            return false;
        }

        if (s.Length == 7)
        {
            period = Period.Annual(start);
        }
        else if (s.Length == 10 && s[7] == ' ' && s[8] == 'Q' && s[9] is >= '1' and <= '4')
        {
            period = Period.Quarter(start, s[9] - '0');
        }
        else if (s.Length == 11 && s[7] == ' ' && s[8] == 'M' && Digits(s.Slice(9, 2), out var month) && month is >= 1 and <= 12)
        {
            period = Period.Month(start, month);
        }

        return period is not null;
    }

    private static bool Digits(ReadOnlySpan<char> span, out int value)
    {
        value = 0;
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
