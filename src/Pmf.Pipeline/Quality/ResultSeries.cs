using Pmf.Pipeline.Calendar;

namespace Pmf.Pipeline.Quality;

/// <summary>
/// An indicator's earlier results as the history rules see them: a row loaded earlier in this file
/// supersedes the warehouse's value for its period, as the corrected file will once it loads.
/// Rows further down the file are not seen yet; a file in period order gets the most context.
/// </summary>
internal sealed class ResultSeries(GateContext context, FileMemory memory)
{
    private readonly Dictionary<string, Dictionary<int, HistoricResult>> _history = [];
    private string? _lastCode;
    private Dictionary<int, HistoricResult>? _lastHistory;

    // The rules of one row ask for the same few periods three times over (the change, outlier and
    // direction rules each walk back from the row's period): what was found is kept until the file's
    // memory changes, which it does once a row.
    private const int Remembered = 32;
    private readonly (string Code, int SortKey, PastResult? Result)[] _found = new (string, int, PastResult?)[Remembered];
    private int _foundCount;
    private int _foundVersion = -1;

    /// <summary>The result for <paramref name="period"/>, or null when there is none.</summary>
    public PastResult? At(string code, Period period)
    {
        if (_foundVersion != memory.Version)
        {
            (_foundVersion, _foundCount) = (memory.Version, 0);
        }

        var sortKey = period.SortKey;
        for (var i = 0; i < _foundCount; i++)
        {
            ref var found = ref _found[i];
            if (found.SortKey == sortKey && (ReferenceEquals(found.Code, code) || string.Equals(found.Code, code, StringComparison.Ordinal)))
            {
                return found.Result;
            }
        }

        var result = Lookup(code, period);
        if (_foundCount < Remembered)
        {
            _found[_foundCount++] = (code, sortKey, result);
        }

        return result;
    }

    private PastResult? Lookup(string code, Period period)
    {
        if (memory.Find(code, period) is { Loaded: true } entry)
        {
            return new PastResult(period, entry.Value, entry.Rag, entry.Row, entry.Numerator, entry.Denominator, entry.Explained);
        }

        return HistoryOf(code).TryGetValue(period.SortKey, out var stored)
            ? new PastResult(period, stored.Value, stored.Rag, Row: null, stored.Numerator, stored.Denominator, stored.Explained) { ValueIsExact = stored.ValueIsExact }
            : null;
    }

    /// <summary>The warehouse's current result for <paramref name="code"/> and <paramref name="period"/> (not this file's), or null.</summary>
    public HistoricResult? Stored(string code, Period period) => HistoryOf(code).GetValueOrDefault(period.SortKey);

    /// <summary>True when the warehouse holds a current result for <paramref name="code"/> and <paramref name="period"/>.</summary>
    public bool InWarehouse(string code, Period period) => HistoryOf(code).ContainsKey(period.SortKey);

    /// <summary>
    /// The values of the <paramref name="values"/>.Length periods before <paramref name="period"/>,
    /// nearest first, with how many periods back each is in <paramref name="back"/>; missing periods
    /// and results without a value are skipped. Returns how many were written. Runs on every row, so
    /// it fills the caller's buffers.
    /// </summary>
    public int Window(string code, Period period, Span<double> values, Span<int> back)
    {
        var found = 0;
        var earlier = period;
        for (var i = 1; i <= values.Length; i++)
        {
            earlier = earlier.Previous();
            if (At(code, earlier) is { Value: { } value })
            {
                values[found] = (double)value;
                back[found++] = i;
            }
        }

        return found;
    }

    /// <summary>The results for the <paramref name="count"/> periods before <paramref name="period"/>, nearest first; missing periods are skipped.</summary>
    public List<PastResult> Before(string code, Period period, int count)
    {
        var results = new List<PastResult>(count);
        var earlier = period;
        for (var i = 0; i < count; i++)
        {
            earlier = earlier.Previous();
            if (At(code, earlier) is { } result)
            {
                results.Add(result);
            }
        }

        return results;
    }

    private Dictionary<int, HistoricResult> HistoryOf(string code)
    {
        // Asked a dozen times a row for the same indicator: the last one is remembered, not hashed again.
        if (ReferenceEquals(code, _lastCode))
        {
            return _lastHistory!;
        }

        if (!_history.TryGetValue(code, out var byPeriod))
        {
            byPeriod = Load(code);
            _history[code] = byPeriod;
        }

        (_lastCode, _lastHistory) = (code, byPeriod);
        return byPeriod;
    }

    private Dictionary<int, HistoricResult> Load(string code)
    {
        var stored = context.History.TryGetValue(code, out var exact)
            ? exact
            : context.History.FirstOrDefault(h => string.Equals(h.Key, code, StringComparison.OrdinalIgnoreCase)).Value ?? [];

        // Oldest first, so a later entry for the same period (a correction) wins.
        var byPeriod = new Dictionary<int, HistoricResult>();
        foreach (var result in stored)
        {
            byPeriod[result.Period.SortKey] = result;
        }

        return byPeriod;
    }
}
