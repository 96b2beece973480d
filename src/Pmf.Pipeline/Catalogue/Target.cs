using Pmf.Pipeline.Calendar;

namespace Pmf.Pipeline.Catalogue;

/// <summary>
/// A SMART target. A target set for a financial year (an annual <see cref="Period"/>) applies to
/// every period in it; a target for a specific period overrides it.
/// </summary>
/// <param name="IndicatorCode">The indicator it applies to.</param>
/// <param name="Period">The financial year, or the specific period.</param>
/// <param name="Value">The target value in the indicator's unit.</param>
/// <param name="AmberThreshold">Where stated, the value beyond which a result is Red (overrides the tolerance).</param>
public sealed record Target(string IndicatorCode, Period Period, decimal Value, decimal? AmberThreshold)
{
    /// <summary>Why the target was set or changed (the Targets sheet's <c>Reason</c> column), if given.</summary>
    public string? Reason { get; init; }

    /// <summary>
    /// The day a changed target takes effect (the <c>Changed from</c> column); periods that ended before it
    /// keep the target they had. Null: the day the catalogue is loaded.
    /// </summary>
    public DateOnly? ChangedFrom { get; init; }

    /// <summary>The warehouse's version of this target a result was judged against; null outside the warehouse.</summary>
    public long? VersionId { get; init; }
}
