namespace Pmf.Pipeline.Scoring;

/// <summary>
/// Direction of travel of a result against a comparator value. Use it twice: against the previous
/// period (<c>Period.Previous()</c>) and against the same period last year (<c>Period.SameLastYear()</c>).
/// </summary>
public static class DirectionOfTravelRule
{
    /// <summary>
    /// Compares <paramref name="current"/> with <paramref name="comparator"/>. Equal values are
    /// <see cref="DirectionOfTravel.Steady"/> whatever the polarity, because an unchanged value is
    /// steady however better is judged; a change in an indicator without polarity is
    /// <see cref="DirectionOfTravel.NotComparable"/>, because better cannot be told from worse.
    /// Either value missing is <see cref="DirectionOfTravel.NotComparable"/>. Values are compared exactly.
    /// </summary>
    public static DirectionOfTravel Evaluate(decimal? current, decimal? comparator, Polarity polarity)
    {
        if (current is not { } now || comparator is not { } then)
        {
            return DirectionOfTravel.NotComparable;
        }

        if (now == then)
        {
            return DirectionOfTravel.Steady;
        }

        return polarity switch
        {
            Polarity.HigherIsBetter => now > then ? DirectionOfTravel.Improving : DirectionOfTravel.Worsening,
            Polarity.LowerIsBetter => now < then ? DirectionOfTravel.Improving : DirectionOfTravel.Worsening,
            _ => DirectionOfTravel.NotComparable,
        };
    }
}
