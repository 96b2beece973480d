namespace Pmf.Pipeline.Finance;

/// <summary>The figures the warehouse holds now for one council, service and quarter: what a correction is compared with.</summary>
/// <param name="Budget">The budget for the year.</param>
/// <param name="ForecastOutturn">The forecast outturn for the year.</param>
/// <param name="Variance">Forecast outturn less budget.</param>
public sealed record StoredFinance(decimal Budget, decimal ForecastOutturn, decimal Variance)
{
    /// <summary>The key <see cref="Quality.GateContext.Finance"/> is read by.</summary>
    public static string Key(string councilCode, string serviceCode, string periodKey) => $"{councilCode}|{serviceCode}|{periodKey}";

    /// <summary>True when <paramref name="line"/> gives other figures (to the penny).</summary>
    public bool DiffersFrom(FinanceLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return Math.Abs(line.Budget - Budget) >= 0.005m || Math.Abs(line.ForecastOutturn - ForecastOutturn) >= 0.005m || Math.Abs(line.Variance - Variance) >= 0.005m;
    }
}
