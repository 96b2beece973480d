using System.Globalization;

namespace Pmf.Pipeline.Warehouse;

/// <summary>
/// A decimal as the text Microsoft.Data.Sqlite binds for it (every digit, no exponent, at least one
/// digit after the point, no trailing zeros beyond it: its format "0.0###…"), which SQLite's NUMERIC
/// columns then store as an integer or a real. Written from the decimal's own general format, which
/// costs a tenth of the custom format's parsing; <c>SqliteDecimalTextTests</c> compares the two.
/// </summary>
internal static class SqliteDecimalText
{
    /// <summary>Microsoft.Data.Sqlite's own format for a decimal.</summary>
    public const string Format = "0.0###########################";

    /// <summary>Enough bytes for any decimal: a sign, 29 digits, a point and a zero after it.</summary>
    public const int MaxLength = 40;

    /// <summary>Writes <paramref name="value"/> into <paramref name="text"/> (at least <see cref="MaxLength"/> bytes) as UTF-8; returns its length.</summary>
    public static int Write(decimal value, Span<byte> text)
    {
        int length;
        if (value == 0m)
        {
            // Zero (and its negative) keeps the custom format's own wording.
            if (!value.TryFormat(text, out length, Format, CultureInfo.InvariantCulture))
            {
                throw new InvalidOperationException($"The decimal {value} did not fit the text buffer.");
            }

            return length;
        }

        if (!value.TryFormat(text, out length, default, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"The decimal {value} did not fit the text buffer.");
        }

        var point = text[..length].IndexOf((byte)'.');
        if (point < 0)
        {
            text[length++] = (byte)'.';
            text[length++] = (byte)'0';
            return length;
        }

        while (length > point + 2 && text[length - 1] == (byte)'0')
        {
            length--;
        }

        return length;
    }
}
