using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Scoring;
using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Catalogue;

/// <summary>The words people write for an indicator's type, unit, polarity and frequency, and how they are shown back.</summary>
internal static class IndicatorTerms
{
    private static readonly Dictionary<string, IndicatorType> Types = Words<IndicatorType>(
        (IndicatorType.Quantitative, ["quantitative", "quant", "numeric"]),
        (IndicatorType.Qualitative, ["qualitative", "qual", "narrative", "status"]));

    private static readonly Dictionary<string, Unit> Units = Words<Unit>(
        (Unit.Percent, ["percent", "percentage", "pct"]),
        (Unit.Count, ["count", "number", "numbers", "no", "nr", "num"]),
        (Unit.Pounds, ["gbp", "pounds", "pound", "sterling"]),
        (Unit.Days, ["days", "day", "working days", "calendar days"]),
        (Unit.Ratio, ["ratio", "rate"]),
        (Unit.Score, ["score", "points", "index", "rating"]));

    private static readonly Dictionary<string, Unit> UnitSymbols = new(StringComparer.Ordinal)
    {
        ["%"] = Unit.Percent,
        ["(%)"] = Unit.Percent,
        ["£"] = Unit.Pounds,
        ["(£)"] = Unit.Pounds,
        ["£s"] = Unit.Pounds,
        ["#"] = Unit.Count,
    };

    private static readonly Dictionary<string, Polarity> Polarities = Words<Polarity>(
        (Polarity.HigherIsBetter, ["higher is better", "higher", "high", "up", "increase", "bigger is better", "higher better", "more is better"]),
        (Polarity.LowerIsBetter, ["lower is better", "lower", "low", "down", "decrease", "smaller is better", "lower better", "less is better"]),
        (Polarity.None, ["none", "n/a", "not applicable", "neither", "data only"]));

    private static readonly Dictionary<string, Frequency> Frequencies = Words<Frequency>(
        (Frequency.Monthly, ["monthly", "month"]),
        (Frequency.Quarterly, ["quarterly", "quarter", "qtr"]),
        (Frequency.Annual, ["annual", "annually", "yearly", "year"]));

    private static readonly Dictionary<string, bool> YesNo = Words<bool>(
        (true, ["yes", "y", "true", "allowed", "allow"]),
        (false, ["no", "n", "false", "not allowed"]));

    public const string TypeChoices = "Quantitative or Qualitative";
    public const string UnitChoices = "%, count, £, days, ratio or score";
    public const string PolarityChoices = "Higher is better, Lower is better or None";
    public const string FrequencyChoices = "Monthly, Quarterly or Annual";

    public static bool TryType(string text, out IndicatorType type) => Types.TryGetValue(ColumnName.Normalise(text), out type);

    public static bool TryUnit(string text, out Unit unit) =>
        UnitSymbols.TryGetValue(text.Trim().ToLowerInvariant(), out unit) || Units.TryGetValue(ColumnName.Normalise(text), out unit);

    public static bool TryPolarity(string text, out Polarity polarity) => Polarities.TryGetValue(ColumnName.Normalise(text), out polarity);

    public static bool TryFrequency(string text, out Frequency frequency) => Frequencies.TryGetValue(ColumnName.Normalise(text), out frequency);

    public static bool TryYesNo(string text, out bool yes) => YesNo.TryGetValue(ColumnName.Normalise(text), out yes);

    public static string Show(Unit unit) => unit switch
    {
        Unit.Percent => "%",
        Unit.Pounds => "£",
        _ => unit.ToString().ToLowerInvariant(),
    };

    public static string Show(Frequency frequency) => frequency.ToString().ToLowerInvariant() switch
    {
        "annual" => "annually",
        var word => word,
    };

    private static Dictionary<string, T> Words<T>(params (T Value, string[] Words)[] entries) =>
        entries.SelectMany(e => e.Words.Select(w => (Key: ColumnName.Normalise(w), e.Value))).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
