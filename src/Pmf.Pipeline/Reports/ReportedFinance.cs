namespace Pmf.Pipeline.Reports;

/// <summary>One service's budget position in a report: the year's budget, the forecast outturn as at the quarter, the variance.</summary>
/// <param name="ServiceCode">The service's code.</param>
/// <param name="ServiceName">The service's name.</param>
/// <param name="PeriodCode">The quarter the forecast was made at.</param>
/// <param name="Budget">The budget for the year.</param>
/// <param name="ForecastOutturn">The forecast outturn for the year.</param>
/// <param name="Variance">Forecast outturn less budget: above zero is an overspend.</param>
/// <param name="Commentary">The service's explanation, if given.</param>
public sealed record ReportedFinance(string ServiceCode, string ServiceName, string PeriodCode, decimal Budget, decimal ForecastOutturn, decimal Variance, string? Commentary);
