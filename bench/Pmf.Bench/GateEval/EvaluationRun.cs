using Pmf.Pipeline.Jobs;

namespace Pmf.Bench.GateEval;

/// <summary>What one pass of the series through the gate gave: rows, and the rules raised on each.</summary>
internal sealed class EvaluationRun
{
    /// <summary>The history rules: DQ080 and up.</summary>
    public static bool IsHistoryRule(string ruleId) => string.CompareOrdinal(ruleId, "DQ080") >= 0 && string.CompareOrdinal(ruleId, "DQ090") < 0;

    public int Values { get; private set; }

    public int Loaded { get; private set; }

    public int Rejected { get; private set; }

    /// <summary>The rule ids raised on each published row (council, LGBF code, year).</summary>
    public Dictionary<(string Council, string Code, int Year), HashSet<string>> Raised { get; } = [];

    /// <summary>How many rows each rule was raised on.</summary>
    public SortedDictionary<string, int> RowsByRule { get; } = new(StringComparer.Ordinal);

    /// <summary>Loaded rows warned by at least one history rule.</summary>
    public int RowsWithHistoryWarning => Raised.Count(r => r.Value.Any(IsHistoryRule));

    public double Rate(int rows) => Loaded == 0 ? 0 : (double)rows / Loaded;

    public IReadOnlySet<string> On(string council, string code, int year) =>
        Raised.TryGetValue((council, code, year), out var rules) ? rules : new HashSet<string>();

    public void Count(int values, IReadOnlyList<IngestOutcome> outcomes)
    {
        Values += values;
        Loaded += outcomes.Sum(o => o.Load?.RowsLoaded ?? 0);
        Rejected = Values - Loaded;
    }

    /// <summary>Records <paramref name="ruleId"/> raised on a published row.</summary>
    public void Raise((string Council, string Code, int Year) row, string ruleId)
    {
        if (!Raised.TryGetValue(row, out var rules))
        {
            Raised[row] = rules = [];
        }

        if (rules.Add(ruleId))
        {
            RowsByRule[ruleId] = RowsByRule.GetValueOrDefault(ruleId) + 1;
        }
    }
}
