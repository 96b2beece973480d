using Pmf.Pipeline.Calendar;

namespace Pmf.Pipeline.Finance;

/// <summary>A finance row the gate accepted: one service's budget position for a quarter, for one council.</summary>
/// <param name="CouncilCode">The council whose budget it is.</param>
/// <param name="ServiceCode">The service, as the catalogue spells it.</param>
/// <param name="Period">The quarter.</param>
/// <param name="Budget">The budget for the year.</param>
/// <param name="ForecastOutturn">The forecast outturn for the year.</param>
/// <param name="Variance">Forecast outturn less budget (above zero: an overspend).</param>
/// <param name="Commentary">Why, if given.</param>
/// <param name="Sheet">Where it came from.</param>
/// <param name="Row">The row as Excel shows it.</param>
public sealed record FinanceLine(
    string CouncilCode,
    string ServiceCode,
    Period Period,
    decimal Budget,
    decimal ForecastOutturn,
    decimal Variance,
    string? Commentary,
    string Sheet,
    int Row);
