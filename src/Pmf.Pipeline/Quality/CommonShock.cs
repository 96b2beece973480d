using Pmf.Pipeline.Quality.Rules;

namespace Pmf.Pipeline.Quality;

/// <summary>
/// How the same measure's other councils moved in a period: the median of their ratios (now over
/// before, or now over what their own history expected), and how widely those ratios spread, on a
/// log scale (a shock multiplies). <see cref="None"/> when fewer than
/// <see cref="QualityThresholds.CommonShockPeers"/> could be compared.
/// </summary>
internal readonly record struct CommonShock(double Factor, double LogSpread, int Peers)
{
    public static CommonShock None { get; } = new(1, 0, 0);

    /// <summary>
    /// From the peers' ratios (each now over before, positive). The log spread is the median absolute
    /// deviation of the logs, scaled, never below ln(1 + <see cref="QualityThresholds.ScaleFloorFraction"/>).
    /// </summary>
    public static CommonShock Of(ReadOnlySpan<double> ratios)
    {
        if (ratios.Length < QualityThresholds.CommonShockPeers)
        {
            return None;
        }

        Span<double> logs = stackalloc double[ratios.Length];
        for (var i = 0; i < ratios.Length; i++)
        {
            logs[i] = Math.Log(ratios[i]);
        }

        var centre = HistoryStatistics.Median(logs);
        var spread = Math.Max(HistoryStatistics.Spread(logs, centre), Math.Log(1 + (double)QualityThresholds.ScaleFloorFraction));
        return new CommonShock(Math.Exp(centre), spread, ratios.Length);
    }

    /// <summary>
    /// True when a council whose own ratio is <paramref name="ratio"/> stands out from the peers (by more
    /// than <see cref="QualityThresholds.OutlierLimit"/> of their log spread), or when there are no peers
    /// to compare with: a 45-fold rise in a year when the others rose 10- to 27-fold does not.
    /// </summary>
    public bool StandsOut(double ratio) =>
        Peers == 0 || ratio <= 0 || Math.Abs(Math.Log(ratio) - Math.Log(Factor)) / LogSpread > (double)QualityThresholds.OutlierLimit;
}
