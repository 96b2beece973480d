namespace Pmf.Pipeline.Quality;

/// <summary>The numbers behind the gate's judgement calls, named so reports and docs can quote them.</summary>
public static class QualityThresholds
{
    /// <summary>
    /// Value vs numerator ÷ denominator × multiplier may differ by this much in the value's unit
    /// (e.g. 85.26 typed for 85.3).
    /// </summary>
    public const decimal RatioAbsoluteTolerance = 0.05m;

    /// <summary>…or by this fraction of the worked-out value (0.1%), whichever is larger; large money values round to pounds.</summary>
    public const decimal RatioRelativeTolerance = 0.001m;

    /// <summary>
    /// A value worked out from numerator and denominator is rounded to this many decimal places
    /// (a value typed to fewer places is also allowed half a unit in its last place: <c>85</c> for 85.4).
    /// </summary>
    public const int ComputedValueDecimals = 6;

    /// <summary>
    /// A whole number ending in zeros may be a figure rounded to as few as this many significant figures
    /// (2740 for 2737.03), as councils publish them; DQ050 allows for it, and for the rounding of numerator
    /// and denominator (each half a unit of its last digit).
    /// </summary>
    public const int RatioSignificantFigures = 3;

    /// <summary>How many earlier periods (of the indicator's own frequency) the outlier test looks back over.</summary>
    public const int OutlierWindow = 8;

    /// <summary>The fewest earlier results (nil returns excluded) the outlier test needs before it judges.</summary>
    public const int OutlierMinimumHistory = 4;

    /// <summary>A value whose robust z-score exceeds this is an outlier (Iglewicz and Hoaglin's 3.5).</summary>
    public const decimal OutlierLimit = 3.5m;

    /// <summary>Scales the median absolute deviation to a standard deviation for normal data.</summary>
    public const decimal MadScale = 1.4826m;

    /// <summary>
    /// When more than half the history is identical (MAD = 0), the mean absolute deviation scaled by
    /// this stands in for it; when that is 0 too (a flat history), any different value is an outlier.
    /// </summary>
    public const decimal MeanDeviationScale = 1.2533m;

    /// <summary>A change of more than this fraction (50%) of the comparator is large, if also beyond the tolerance band.</summary>
    public const decimal LargeChangeRatio = 0.5m;

    /// <summary>A value identical to each of this many previous periods' values looks copied forward.</summary>
    public const int CopiedForwardPeriods = 3;
}
