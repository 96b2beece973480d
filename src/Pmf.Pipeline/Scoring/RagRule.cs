namespace Pmf.Pipeline.Scoring;

/// <summary>
/// RAG for a quantitative result: Green on or better than target; Amber worse but within the amber
/// band, boundary included; Red beyond it. Polarity decides which way is better.
/// </summary>
public static class RagRule
{
    /// <summary>Scores <paramref name="value"/> against <paramref name="target"/>.</summary>
    /// <param name="value">The result; null when nothing was reported.</param>
    /// <param name="target">The target; null when none is set.</param>
    /// <param name="polarity">Which way is better.</param>
    /// <param name="tolerance">The amber band beyond the target, used when no <paramref name="amberThreshold"/> is given.</param>
    /// <param name="amberThreshold">
    /// Where the target sets one, the last Amber value: it replaces the tolerance band, and anything
    /// beyond it is Red. A threshold on the better side of the target leaves no Amber at all.
    /// </param>
    /// <returns><see cref="RagStatus.DataOnly"/> when there is no value, no target or no polarity.</returns>
    public static RagStatus Evaluate(decimal? value, decimal? target, Polarity polarity, Tolerance tolerance, decimal? amberThreshold = null)
    {
        ArgumentNullException.ThrowIfNull(tolerance);
        if (value is not { } result || target is not { } goal || polarity == Polarity.None)
        {
            return RagStatus.DataOnly;
        }

        // Measure everything as "how far better than target", so one comparison serves both polarities.
        var better = polarity == Polarity.HigherIsBetter ? 1m : -1m;
        var margin = (result - goal) * better;
        if (margin >= 0m)
        {
            return RagStatus.Green;
        }

        var allowed = amberThreshold is { } threshold ? (goal - threshold) * better : tolerance.WidthFor(goal);
        return -margin <= allowed ? RagStatus.Amber : RagStatus.Red;
    }
}
