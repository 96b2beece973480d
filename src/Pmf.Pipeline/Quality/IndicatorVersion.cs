using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;

namespace Pmf.Pipeline.Quality;

/// <summary>One version of an indicator's definition and the days it was in force (type-2 history).</summary>
/// <param name="Definition">The definition.</param>
/// <param name="ValidFrom">The first day it was in force.</param>
/// <param name="ValidTo">The day it stopped being in force (exclusive), or null while current.</param>
public sealed record IndicatorVersion(Indicator Definition, DateOnly ValidFrom, DateOnly? ValidTo)
{
    /// <summary>True when a period is measured under this version: it was in force on the period's last day.</summary>
    public bool Governs(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return ValidFrom <= period.End && (ValidTo is null || period.End < ValidTo);
    }
}
