namespace Pmf.Pipeline.Quality;

/// <summary>A cell read as a number, or what it held instead.</summary>
/// <param name="Kind">Whether it is a number, blank, or what else.</param>
/// <param name="Value">
/// The number when <see cref="Kind"/> is <see cref="NumberReadingKind.Number"/>, else 0. Percentages are in
/// percent (85 for <c>85%</c> and for 0.85 in a percent-formatted cell). Text keeps the decimal places typed.
/// </param>
/// <param name="IsPercent">True when written with a % sign or shown by its format as a percentage.</param>
public readonly record struct NumberReading(NumberReadingKind Kind, decimal Value, bool IsPercent)
{
    /// <summary>A blank cell.</summary>
    public static NumberReading Blank { get; } = new(NumberReadingKind.Blank, 0m, false);

    /// <summary>True when the cell held a number.</summary>
    public bool IsNumber => Kind == NumberReadingKind.Number;

    /// <summary>The number, or null when the cell did not hold one.</summary>
    public decimal? Number => IsNumber ? Value : null;
}
