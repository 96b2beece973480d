namespace Pmf.Pipeline.Quality;

/// <summary>
/// A result the gate handed on as loaded and later withdrew, because a later row of the same file
/// gave different values for the same indicator and period. The load must drop it before it commits.
/// </summary>
/// <param name="IndicatorCode">The indicator, as the catalogue spells it.</param>
/// <param name="PeriodKey">The period key.</param>
/// <param name="Sheet">The sheet of the withdrawn row.</param>
/// <param name="Row">The withdrawn row.</param>
public sealed record WithdrawnResult(string IndicatorCode, string PeriodKey, string Sheet, int Row);
