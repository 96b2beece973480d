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

    /// <summary>
    /// A Value, Numerator or Denominator at least this large (either sign), or a value worked out from
    /// them that would be, is no council's figure and is rejected (DQ048): far below where decimal
    /// arithmetic overflows, so no rule ever has to.
    /// </summary>
    public const decimal LargestNumber = 1_000_000_000_000_000_000m;

    /// <summary>How many earlier periods (of the indicator's own frequency) the outlier test looks back over.</summary>
    public const int OutlierWindow = 8;

    /// <summary>The fewest earlier results (nil returns excluded) the outlier test needs before it judges.</summary>
    public const int OutlierMinimumHistory = 4;

    /// <summary>A value whose robust z-score exceeds this is an outlier (Iglewicz and Hoaglin's 3.5).</summary>
    public const decimal OutlierLimit = 3.5m;

    /// <summary>Scales the median absolute deviation to a standard deviation for normal data.</summary>
    public const decimal MadScale = 1.4826m;

    /// <summary>
    /// The scale floor's share of the series' level (10%): a history rule never calls a difference
    /// unusual by a spread smaller than this, however steady the series was. With
    /// <see cref="OutlierLimit"/> it takes a value 35% away from what was expected to be an outlier.
    /// </summary>
    public const decimal ScaleFloorFraction = 0.1m;

    /// <summary>A trend is followed when at least this share (75%) of the slopes between pairs of earlier values agree in sign.</summary>
    public const decimal SteadyTrendShare = 0.75m;

    /// <summary>
    /// A change whose distance from the indicator's usual change exceeds this many spreads of its past
    /// changes (robust z-score, the spread floored as for outliers) is unusual for it.
    /// </summary>
    public const decimal ChangeLimit = 3.5m;

    /// <summary>
    /// The fewest other councils' indicators of the same measure, with values for the periods compared,
    /// from which a shock common to them is recognised (their median move).
    /// </summary>
    public const int CommonShockPeers = 3;

    /// <summary>How many earlier changes (of the same step) a change is judged against.</summary>
    public const int ChangeWindow = 8;

    /// <summary>The fewest earlier changes needed before a change is judged against them (else the floor alone judges).</summary>
    public const int ChangeMinimumHistory = 3;

    /// <summary>
    /// For a rate of whole numbers, a change whose binomial or Poisson z-score is below this could be
    /// chance for a base that small (6 out of 40 after 16 out of 41) and is not warned about.
    /// </summary>
    public const decimal SmallBaseZ = 3m;

    /// <summary>
    /// Where a value and what it is compared with are both positive, a change is large when one is more
    /// than this many times the other (2: doubled, or halved). A slip (an extra digit, a decimal point,
    /// pounds in thousands, a fraction for a percentage) is a factor of 10 or more; real series move by
    /// up to half as often as not.
    /// </summary>
    public const decimal LargeChangeFactor = 2m;

    /// <summary>Where either is zero or below, a change of more than this fraction (50%) of the comparator is large.</summary>
    public const decimal LargeChangeRatio = 0.5m;

    /// <summary>A value identical to each of this many previous periods' values looks copied forward.</summary>
    public const int CopiedForwardPeriods = 3;
}
