using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Quality;

namespace Pmf.Pipeline.Warehouse;

/// <summary>
/// What completing a load still has to do, gathered as its rows are written: the keys (indicator and
/// period) whose row replaces a current result and must supersede it, and the keys whose direction of
/// travel the warehouse must judge itself. A few keys are settled one by one; past
/// <see cref="MostKeys"/> the set-based statement over the submission's rows is cheaper, and is used.
/// A row that came without the gate's judgement (<see cref="AcceptedResult.Judged"/>) sends the whole
/// submission down the set-based path, as before.
/// </summary>
internal sealed class CompletionKeys
{
    /// <summary>Keys settled one statement at a time, at most; ~5 µs each in SQLite.</summary>
    public const int MostKeys = 4096;

    private readonly List<(string Code, int PeriodKey)> _replacing = [];
    private readonly List<(string Code, int PeriodKey)> _rejudged = [];
    private readonly List<(string Code, int PeriodKey)> _neighboured = [];

    /// <summary>False once a row came without the gate's judgement: completion is then wholly set-based.</summary>
    public bool AllJudged { get; private set; } = true;

    /// <summary>Null when too many to list: every row of the submission is treated as replacing.</summary>
    public IReadOnlyList<(string Code, int PeriodKey)>? Replacing => _replacing.Count > MostKeys ? null : _replacing;

    /// <summary>Null when too many to list: every row of the submission is judged again.</summary>
    public IReadOnlyList<(string Code, int PeriodKey)>? Rejudged => _rejudged.Count > MostKeys ? null : _rejudged;

    /// <summary>True once a row went in current.</summary>
    public bool WroteCurrent { get; private set; }

    /// <summary>
    /// Keys of the submission with a current result of another submission in the next period or the same
    /// period next year (which compares with them); null when too many to list: all the submission's rows.
    /// </summary>
    public IReadOnlyList<(string Code, int PeriodKey)>? Neighboured => _neighboured.Count > MostKeys ? null : _neighboured;

    public void Unjudged() => AllJudged = false;

    /// <summary>The row went in not current: an earlier result for its key is current until completion supersedes it.</summary>
    public void Replaces(string code, Period period) => Add(_replacing, code, period);

    /// <summary>The warehouse judges the direction of the submission's row for the key (if it has one).</summary>
    public void Rejudge(string code, Period period) => Add(_rejudged, code, period);

    /// <summary>What the gate's judgement of a row leaves to completion.</summary>
    public void Written(AcceptedResult result, GateJudgement judged, bool current)
    {
        WroteCurrent |= current;
        if (!current)
        {
            Replaces(result.IndicatorCode, result.Period);
        }

        if (!judged.Settled || (!current && judged.NewKey))
        {
            // Not comparable exactly, or the gate's history missed a current result (its comparators may too).
            Rejudge(result.IndicatorCode, result.Period);
        }

        if (judged.HasStoredNeighbour || (!current && judged.NewKey))
        {
            Add(_neighboured, result.IndicatorCode, result.Period);
        }

        if (judged.NextIsStale)
        {
            Rejudge(result.IndicatorCode, result.Period.Next());
        }

        if (judged.NextYearIsStale)
        {
            Rejudge(result.IndicatorCode, result.Period.SameNextYear());
        }
    }

    /// <summary>A withdrawn row was a comparator of the rows after it and a year after it.</summary>
    public void Withdrawn(string code, Period period)
    {
        Rejudge(code, period.Next());
        Rejudge(code, period.SameNextYear());
    }

    private static void Add(List<(string Code, int PeriodKey)> keys, string code, Period period)
    {
        if (keys.Count <= MostKeys)
        {
            keys.Add((code, period.SortKey));
        }
    }
}
