using System.Globalization;

namespace Pmf.Pipeline.Quality;

/// <summary>Decimal helpers for values as the gate stores and quotes them.</summary>
internal static class Decimals
{
    /// <summary>Drops trailing zeros: 85.00 becomes 85, so stored values compare and print cleanly.</summary>
    public static decimal Trim(decimal value) => value / 1.000000000000000000000000000000000m;

    /// <summary>A number as a sender reads it in a message: no trailing zeros, no exponent, invariant.</summary>
    public static string Show(decimal value) => Trim(value).ToString("0.############", CultureInfo.InvariantCulture);

    /// <summary>A fraction as a whole percentage for messages: 0.62 → <c>62%</c>.</summary>
    public static string Percent(decimal fraction) => Math.Round(fraction * 100m, 0, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + "%";
}
