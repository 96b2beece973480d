namespace Pmf.Pipeline.Scoring;

/// <summary>Which way is better for an indicator's value.</summary>
public enum Polarity
{
    /// <summary>A larger value is better (e.g. % of calls answered).</summary>
    HigherIsBetter,

    /// <summary>A smaller value is better (e.g. days to process a claim).</summary>
    LowerIsBetter,

    /// <summary>Neither: the indicator is tracked, not judged ("data only").</summary>
    None,
}
