using System.Globalization;

namespace Pmf.Pipeline.Sources;

/// <summary>What one request asks a source for: the days from <paramref name="Start"/> to <paramref name="End"/>, and the period when it is one.</summary>
/// <param name="Start">The first day (<c>{periodStart}</c>, <c>@periodStart</c>).</param>
/// <param name="End">The last day (<c>{periodEnd}</c>, <c>@periodEnd</c>).</param>
/// <param name="PeriodKey">The period key (<c>{period}</c>), when the window is one period.</param>
public sealed record SourceWindow(DateOnly Start, DateOnly End, string? PeriodKey)
{
    /// <summary>A window for checking URLs.</summary>
    public static SourceWindow Example { get; } = new(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30), "2026/27 M01");

    /// <summary>The window as a person reads it.</summary>
    public override string ToString() => PeriodKey ?? string.Create(CultureInfo.InvariantCulture, $"{Start:yyyy-MM-dd} to {End:yyyy-MM-dd}");
}
