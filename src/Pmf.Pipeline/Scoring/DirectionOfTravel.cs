namespace Pmf.Pipeline.Scoring;

/// <summary>How a result has moved against a comparator: the previous period, or the same period last year.</summary>
public enum DirectionOfTravel
{
    /// <summary>There is nothing to compare, or the indicator has no polarity and the value changed.</summary>
    NotComparable,

    /// <summary>Better than the comparator, as the indicator's polarity judges it.</summary>
    Improving,

    /// <summary>Exactly equal to the comparator.</summary>
    Steady,

    /// <summary>Worse than the comparator, as the indicator's polarity judges it.</summary>
    Worsening,
}
