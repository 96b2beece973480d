namespace Pmf.Pipeline.Warehouse;

/// <summary>A target the catalogue load changed or dropped, as the load summary lists it.</summary>
/// <param name="IndicatorCode">The indicator.</param>
/// <param name="Period">The financial year or period as the catalogue writes the target.</param>
/// <param name="From">The target before.</param>
/// <param name="To">The new target; null when the catalogue no longer sets one.</param>
/// <param name="EffectiveFrom">The day the new target takes effect; null for a dropped target.</param>
/// <param name="Reason">Why, from the catalogue's Reason column; null when none was given.</param>
/// <param name="PeriodsKeepingOld">Periods that ended before <paramref name="EffectiveFrom"/> and so keep the old target.</param>
public sealed record TargetChange(string IndicatorCode, string Period, decimal From, decimal? To, DateOnly? EffectiveFrom, string? Reason, int PeriodsKeepingOld);
