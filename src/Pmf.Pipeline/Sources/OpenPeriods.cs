using Pmf.Pipeline.Calendar;

namespace Pmf.Pipeline.Sources;

/// <summary>
/// Which periods a pull asks for: those that have ended by the as-of day and are not yet final. A period
/// is final once it ended more than <see cref="SourceDefinition.OpenDays"/> days before a successful pull;
/// the source's watermark remembers up to which day that is, so final periods are never asked again.
/// </summary>
public static class OpenPeriods
{
    /// <summary>The open periods of <paramref name="frequencies"/>, oldest first.</summary>
    /// <param name="source">The source (its backfill start and open days).</param>
    /// <param name="frequencies">The frequencies of the indicators that name the source.</param>
    /// <param name="asOf">The UK day of the pull.</param>
    /// <param name="finalThrough">The watermark: periods ending on or before it are final; null before the first successful pull.</param>
    public static IReadOnlyList<Period> For(SourceDefinition source, IEnumerable<Frequency> frequencies, DateOnly asOf, DateOnly? finalThrough)
    {
        ArgumentNullException.ThrowIfNull(source);
        var after = After(source, asOf, finalThrough);
        var periods = new List<Period>();
        foreach (var frequency in frequencies.Distinct())
        {
            for (var period = Period.Containing(after.AddDays(1), frequency); period.End <= asOf; period = period.Next())
            {
                periods.Add(period);
            }
        }

        return [.. periods.OrderBy(p => p.End).ThenBy(p => p.SortKey)];
    }

    /// <summary>The watermark after a successful pull as of <paramref name="asOf"/>: never moved back.</summary>
    public static DateOnly NextWatermark(SourceDefinition source, DateOnly asOf, DateOnly? finalThrough)
    {
        ArgumentNullException.ThrowIfNull(source);
        var closed = asOf.AddDays(-source.OpenDays);
        var after = After(source, asOf, finalThrough);
        return closed > after ? closed : after;
    }

    /// <summary>
    /// The requests to make: one per period when a REST URL carries <c>{period}</c>, else one spanning
    /// every open period.
    /// </summary>
    public static IReadOnlyList<SourceWindow> Windows(SourceDefinition source, IReadOnlyList<Period> periods)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(periods);
        if (periods.Count == 0)
        {
            return [];
        }

        return source.IsRest && source.Rest.Url.Contains(RestUrl.PeriodKey, StringComparison.Ordinal)
            ? [.. periods.Select(p => new SourceWindow(p.Start, p.End, p.Key))]
            : [new SourceWindow(periods.Min(p => p.Start), periods.Max(p => p.End), periods.Count == 1 ? periods[0].Key : null)];
    }

    private static DateOnly After(SourceDefinition source, DateOnly asOf, DateOnly? finalThrough) =>
        finalThrough ?? (source.BackfillFrom ?? new FinancialYear(FinancialYear.Containing(asOf).StartYear - 1).Start).AddDays(-1);
}
