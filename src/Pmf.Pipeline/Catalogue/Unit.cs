namespace Pmf.Pipeline.Catalogue;

/// <summary>The unit an indicator's value is reported in.</summary>
public enum Unit
{
    /// <summary><c>%</c>: 0–100 unless the indicator allows otherwise.</summary>
    Percent,

    /// <summary><c>count</c>: a whole, non-negative number.</summary>
    Count,

    /// <summary><c>£</c>: money.</summary>
    Pounds,

    /// <summary><c>days</c>: non-negative.</summary>
    Days,

    /// <summary><c>ratio</c>: numerator ÷ denominator × multiplier.</summary>
    Ratio,

    /// <summary><c>score</c>: a survey or assessment score.</summary>
    Score,
}
