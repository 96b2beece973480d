namespace Pmf.Pipeline.Quality;

/// <summary>
/// The canonical names of a return's columns (FORMATS.md). Issues name the column by these, whatever
/// synonym the sender used, so reports and follow-ups read the same for every service.
/// </summary>
public static class ReturnColumns
{
    /// <summary>The indicator code.</summary>
    public const string Indicator = "Indicator";

    /// <summary>The reporting period.</summary>
    public const string Period = "Period";

    /// <summary>The result.</summary>
    public const string Value = "Value";

    /// <summary>The numerator of a rate.</summary>
    public const string Numerator = "Numerator";

    /// <summary>The denominator of a rate.</summary>
    public const string Denominator = "Denominator";

    /// <summary>The qualitative status (self assessment).</summary>
    public const string Status = "Status";

    /// <summary>The sender's commentary.</summary>
    public const string Commentary = "Commentary";

    /// <summary>The remedial action for a result that keeps failing.</summary>
    public const string RemedialAction = "Remedial action";

    /// <summary>Every column, in the order FORMATS.md lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Indicator, Period, Value, Numerator, Denominator, Status, Commentary, RemedialAction];
}
