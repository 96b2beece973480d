using System.Globalization;

namespace Pmf.Pipeline.Quality;

/// <summary>Decimal helpers for values as the gate stores and quotes them.</summary>
internal static class Decimals
{
    /// <summary>Drops trailing zeros: 85.00 becomes 85, so stored values compare and print cleanly.</summary>
    public static decimal Trim(decimal value) => value / 1.000000000000000000000000000000000m;

    /// <summary>A number as a sender reads it in a message: no trailing zeros, no exponent, invariant.</summary>
    public static string Show(decimal value) => Trim(value).ToString("0.############", CultureInfo.InvariantCulture);

    /// <summary>A number the history rules worked out (in double), for messages: two decimals, or three significant figures below 1.</summary>
    public static string Show(double value) => Math.Abs(value) >= 1 ? value.ToString("0.##", CultureInfo.InvariantCulture) : value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A fraction as a whole percentage for messages: 0.62 → <c>62%</c>. A double, so no ratio ever overflows.</summary>
    public static string Percent(double fraction) => Math.Round(fraction * 100, 0, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + "%";
}
