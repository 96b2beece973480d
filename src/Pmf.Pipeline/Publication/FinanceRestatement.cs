using Pmf.Pipeline.Calendar;

namespace Pmf.Pipeline.Publication;

/// <summary>A service's published finance for a quarter that a corrected return changed afterwards, as the next report lists it.</summary>
/// <param name="ServiceCode">The service.</param>
/// <param name="ServiceName">Its name.</param>
/// <param name="Period">The quarter.</param>
/// <param name="OldBudget">The budget as published.</param>
/// <param name="NewBudget">The budget now.</param>
/// <param name="OldForecastOutturn">The forecast outturn as published.</param>
/// <param name="NewForecastOutturn">The forecast outturn now.</param>
/// <param name="OldVariance">The variance as published.</param>
/// <param name="NewVariance">The variance now.</param>
/// <param name="Reason">Why: the corrected row's commentary.</param>
/// <param name="RecordedAt">When it was recorded.</param>
public sealed record FinanceRestatement(
    string ServiceCode, string ServiceName, Period Period, decimal OldBudget, decimal NewBudget, decimal OldForecastOutturn, decimal NewForecastOutturn,
    decimal OldVariance, decimal NewVariance, string Reason, DateTimeOffset RecordedAt);
