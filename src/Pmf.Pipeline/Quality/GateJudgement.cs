using Pmf.Pipeline.Scoring;

namespace Pmf.Pipeline.Quality;

/// <summary>
/// What the gate judged for one accepted result as it passed, so that completing the load has only
/// the set-based remainder to do (bench/README.md, "Judged as rows pass the gate").
/// </summary>
/// <param name="VsPrevious">Direction against the previous period's value as the gate knew it.</param>
/// <param name="VsLastYear">Direction against the same period last year.</param>
/// <param name="Settled">
/// False when the warehouse must judge direction itself: a value or comparator has more places or digits
/// than both engines keep exactly (decimal(19,6); 15 significant digits in SQLite), so comparing the
/// stored values may not agree with comparing the decimals.
/// </param>
/// <param name="NewKey">No current result is in the warehouse for the indicator and period: the row can go in current.</param>
/// <param name="NextIsStale">The next period's row, judged earlier in the file, compared with a value this row now replaces.</param>
/// <param name="NextYearIsStale">The same period next year's row, judged earlier in the file, likewise.</param>
/// <param name="HasStoredNeighbour">
/// The warehouse holds a current result for the next period or the same period next year: it compares
/// with this row's key, so completion judges it again.
/// </param>
internal sealed record GateJudgement(
    DirectionOfTravel VsPrevious, DirectionOfTravel VsLastYear, bool Settled, bool NewKey, bool NextIsStale, bool NextYearIsStale, bool HasStoredNeighbour)
{
    private const decimal Largest = 1_000_000_000m;

    /// <summary>
    /// True when the decimal compares with others exactly as both warehouses compare their stored values:
    /// at most six places and under a billion, so at most 15 significant digits.
    /// </summary>
    public static bool KeepsExactly(decimal? value) =>
        value is not { } v || (decimal.Abs(v) < Largest && decimal.Round(v, 6) == v);
}
