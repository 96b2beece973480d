namespace Pmf.Pipeline.Quality.Rules;

/// <summary>
/// How much rounding DQ050 allows for: each number stands for everything that rounds to it, and a
/// value agrees with its numerator and denominator when some value it stands for is some ratio theirs
/// stand for. Published figures are rounded on both sides: 2740 for 1321 × 10⁶ ÷ 482640 = 2737.03
/// (three significant figures), 6.8 for 17146 ÷ 2503 = 6.850 (which itself stands for 17145.5 ÷ 2503.5 = 6.849).
/// A contradiction stays one: 59.34% for 378 ÷ 4400 (8.59%).
/// </summary>
internal static class RatioRounding
{
    /// <summary>
    /// Half a unit in the last digit <paramref name="typed"/> states: 85 → 0.5, 85.25 → 0.005. A whole
    /// number ending in zeros may have been rounded to as few as <see cref="QualityThresholds.RatioSignificantFigures"/>
    /// significant figures: 2740 → 5 (2735 to 2745), 1300 → 5, but 100 → 0.5.
    /// </summary>
    public static decimal HalfUnit(decimal typed)
    {
        var byPlaces = LastPlace(typed);
        var whole = Decimals.Trim(Math.Abs(typed));
        if (whole == 0m || whole != decimal.Truncate(whole))
        {
            return byPlaces;
        }

        var digits = whole.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var zeros = digits.Length - digits.TrimEnd('0').Length;
        var place = Math.Min(zeros, digits.Length - QualityThresholds.RatioSignificantFigures);
        return place > 0 ? Math.Max(byPlaces, 0.5m * Pow10(place)) : byPlaces;
    }

    /// <summary>
    /// Half a unit in the last decimal place typed: 17146 → 0.5, 26293.69 → 0.005. Numerators and
    /// denominators are counts and sums, where a round 2000 is as likely exact as rounded, so they are
    /// allowed only this.
    /// </summary>
    public static decimal LastPlace(decimal typed) => 0.5m / Pow10(typed.Scale);

    /// <summary>
    /// True when the range the value stands for (give or take <see cref="HalfUnit"/>) meets the range of
    /// ratios its numerator and denominator stand for (each give or take <see cref="LastPlace"/>). Rounding
    /// only, no tolerance on top: 92.2 does not stand for 1846 ÷ 2000 = 92.3. Worked in double: this only
    /// widens a tolerance, and doubles cannot overflow where decimals would.
    /// </summary>
    public static bool Overlaps(decimal value, decimal numerator, decimal denominator, decimal multiplier)
    {
        var n = (double)numerator;
        var d = (double)denominator;
        var dn = (double)LastPlace(numerator);
        var dd = (double)LastPlace(denominator);
        if (d - dd <= 0 && d + dd >= 0)
        {
            return false; // the denominator could be zero: no range to speak of; the point comparison stands
        }

        var m = (double)multiplier;
        double[] ends = [(n - dn) * m / (d - dd), (n - dn) * m / (d + dd), (n + dn) * m / (d - dd), (n + dn) * m / (d + dd)];
        var low = ends.Min();
        var high = ends.Max();
        var v = (double)value;
        var a = (double)HalfUnit(value);
        return v + a >= low && v - a <= high;
    }

    internal static decimal Pow10(int places)
    {
        var result = 1m;
        for (var i = 0; i < places; i++)
        {
            result *= 10m;
        }

        return result;
    }
}
