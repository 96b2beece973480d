using Pmf.Pipeline.Catalogue;

namespace Pmf.Pipeline.Quality.Rules;

/// <summary>
/// The arithmetic of the history rules, in double: a value the gate accepted (below
/// <see cref="QualityThresholds.LargestNumber"/>) against a history that may hold anything the
/// warehouse ever took (a value of 10^-28, or one loaded before that limit), so a ratio or a
/// difference can never overflow. Warnings need no more than double's sixteen digits.
/// </summary>
internal static class HistoryStatistics
{
    /// <summary>
    /// The smallest difference worth a warning around <paramref name="centre"/>: the largest of the
    /// indicator's tolerance band (at the target, or at the centre when there is none),
    /// <see cref="QualityThresholds.ScaleFloorFraction"/> of the centre, and one unit for a count or a
    /// percentage (one person, one percentage point). A series that barely moves (98.2 after 99.1,
    /// 98.6, 99.1, 99.3) is judged by this floor, not by its own tiny spread.
    /// </summary>
    public static double Floor(RowDraft draft, double centre)
    {
        var indicator = draft.Definition!;
        var tolerance = indicator.Tolerance;
        var at = draft.Target is { } target ? (double)target.Value : centre;
        var band = tolerance.IsPercentOfTarget ? Math.Abs(at) * (double)tolerance.Amount / 100 : (double)tolerance.Amount;
        var unit = indicator.Unit is Unit.Count or Unit.Percent ? 1.0 : 0.0;
        return Math.Max(Math.Max(band, (double)QualityThresholds.ScaleFloorFraction * Math.Abs(centre)), unit);
    }

    /// <summary>
    /// True when <paramref name="value"/> is far enough from <paramref name="from"/> for a history rule
    /// to speak at all: both positive, one more than <see cref="QualityThresholds.LargeChangeFactor"/>
    /// times the other; otherwise a difference of more than <see cref="QualityThresholds.LargeChangeRatio"/> of it.
    /// </summary>
    public static bool Large(double value, double from) => value > 0 && from > 0
        ? Math.Max(value / from, from / value) > (double)QualityThresholds.LargeChangeFactor
        : Math.Abs(value - from) > (double)QualityThresholds.LargeChangeRatio * Math.Abs(from);

    /// <summary>The median of a short window.</summary>
    public static double Median(ReadOnlySpan<double> values)
    {
        Span<double> sorted = stackalloc double[values.Length];
        values.CopyTo(sorted);
        sorted.Sort();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>The median absolute deviation from <paramref name="centre"/>, scaled to a standard deviation for normal data.</summary>
    public static double Spread(ReadOnlySpan<double> values, double centre)
    {
        Span<double> deviations = stackalloc double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            deviations[i] = Math.Abs(values[i] - centre);
        }

        return (double)QualityThresholds.MadScale * Median(deviations);
    }

    /// <summary>
    /// Where the series would be now (<paramref name="back"/> is how many periods before now each
    /// value is): the Theil–Sen line, the median of the slopes between every pair of values and the
    /// median intercept, so a cost rising with inflation is expected higher than its eight-year
    /// median, and one odd value bends the line no more than it moves a median. The slope is used
    /// only when it is steady (most pairs agree in sign); otherwise the series is level at its median.
    /// </summary>
    public static (double Now, double Slope) Line(ReadOnlySpan<double> values, ReadOnlySpan<int> back)
    {
        var pairs = values.Length * (values.Length - 1) / 2;
        Span<double> slopes = stackalloc double[pairs];
        var n = 0;
        var rising = 0;
        var falling = 0;
        for (var i = 0; i < values.Length; i++)
        {
            for (var j = i + 1; j < values.Length; j++)
            {
                // back[i] < back[j]: i is the later value.
                var slope = (values[i] - values[j]) / (back[j] - back[i]);
                slopes[n++] = slope;
                rising += slope > 0 ? 1 : 0;
                falling += slope < 0 ? 1 : 0;
            }
        }

        if (n == 0 || Math.Max(rising, falling) < (double)QualityThresholds.SteadyTrendShare * n)
        {
            return (Median(values), 0);
        }

        var b = Median(slopes[..n]);
        Span<double> intercepts = stackalloc double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            intercepts[i] = values[i] + (b * back[i]);
        }

        return (Median(intercepts), b);
    }

    /// <summary>The spread of <paramref name="values"/> about the line (as <see cref="Spread"/>).</summary>
    public static double SpreadAbout(ReadOnlySpan<double> values, ReadOnlySpan<int> back, (double Now, double Slope) line)
    {
        Span<double> residuals = stackalloc double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            residuals[i] = values[i] - (line.Now - (line.Slope * back[i]));
        }

        return Spread(residuals, 0);
    }

    /// <summary>
    /// True when the step from a base of <paramref name="before"/> (numerator, denominator) to
    /// <paramref name="now"/> could be chance: for a percentage of whole numbers, a two-proportion test;
    /// for any other rate of whole numbers, a Poisson test of the numerators given the denominators.
    /// |z| below <see cref="QualityThresholds.SmallBaseZ"/> is chance. False when the parts are not
    /// whole counts (money, or a rate already worked out), which the test cannot judge.
    /// </summary>
    public static bool WithinChance(Unit unit, (decimal? Numerator, decimal? Denominator) before, (decimal? Numerator, decimal? Denominator) now)
    {
        if (before is not ({ } n0, { } d0) || now is not ({ } n1, { } d1)
            || !Whole(n0) || !Whole(n1) || !Whole(d0) || !Whole(d1) || n0 < 0m || n1 < 0m || d0 <= 0m || d1 <= 0m)
        {
            return false;
        }

        double z;
        if (unit == Unit.Percent && n0 <= d0 && n1 <= d1)
        {
            var pooled = ((double)n0 + (double)n1) / ((double)d0 + (double)d1);
            var variance = pooled * (1 - pooled) * ((1 / (double)d0) + (1 / (double)d1));
            z = variance <= 0 ? double.PositiveInfinity : (((double)n1 / (double)d1) - ((double)n0 / (double)d0)) / Math.Sqrt(variance);
        }
        else
        {
            var total = (double)n0 + (double)n1;
            var share = (double)d1 / ((double)d0 + (double)d1);
            var variance = total * share * (1 - share);
            z = variance <= 0 ? double.PositiveInfinity : ((double)n1 - (total * share)) / Math.Sqrt(variance);
        }

        return Math.Abs(z) < (double)QualityThresholds.SmallBaseZ;
    }

    private static bool Whole(decimal value) => value == decimal.Truncate(value);
}
