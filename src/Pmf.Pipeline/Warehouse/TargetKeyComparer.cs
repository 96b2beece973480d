namespace Pmf.Pipeline.Warehouse;

/// <summary>(indicator code, period key) with the code compared ignoring case, as the gate's other lookups do.</summary>
internal sealed class TargetKeyComparer : IEqualityComparer<(string IndicatorCode, string PeriodKey)>
{
    public static TargetKeyComparer Instance { get; } = new();

    public bool Equals((string IndicatorCode, string PeriodKey) x, (string IndicatorCode, string PeriodKey) y) =>
        StringComparer.OrdinalIgnoreCase.Equals(x.IndicatorCode, y.IndicatorCode) && StringComparer.Ordinal.Equals(x.PeriodKey, y.PeriodKey);

    public int GetHashCode((string IndicatorCode, string PeriodKey) obj) =>
        HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.IndicatorCode), StringComparer.Ordinal.GetHashCode(obj.PeriodKey));
}
