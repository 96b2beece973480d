using System.Globalization;

namespace Pmf.Pipeline.Scoring;

/// <summary>
/// The amber band around a target: a percentage of the target (<c>5%</c>) or an absolute amount (<c>2</c>).
/// </summary>
/// <param name="Amount">The size of the band: percent of target when <paramref name="IsPercentOfTarget"/>, else in the indicator's unit.</param>
/// <param name="IsPercentOfTarget">True for a band stated as a percentage of the target.</param>
public sealed record Tolerance(decimal Amount, bool IsPercentOfTarget)
{
    /// <summary>No amber band: anything worse than target is Red.</summary>
    public static Tolerance None { get; } = new(0m, false);

    /// <summary>A band of <paramref name="percent"/>% of the target, e.g. <c>Percent(5)</c>.</summary>
    public static Tolerance Percent(decimal percent) => new(percent, IsPercentOfTarget: true);

    /// <summary>A band of <paramref name="amount"/> in the indicator's unit.</summary>
    public static Tolerance Absolute(decimal amount) => new(amount, IsPercentOfTarget: false);

    /// <summary>
    /// The band's width for a given target, in the indicator's unit. A percentage is of the target's
    /// size, so a negative target has a band as wide as its positive twin, and a zero target has none.
    /// </summary>
    public decimal WidthFor(decimal target) => IsPercentOfTarget ? Math.Abs(target) * Amount / 100m : Amount;

    /// <inheritdoc />
    public override string ToString() => IsPercentOfTarget
        ? string.Create(CultureInfo.InvariantCulture, $"{Amount}%")
        : Amount.ToString(CultureInfo.InvariantCulture);
}
