using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;

namespace Pmf.Pipeline.Samples;

/// <summary>One figure a demo service system holds.</summary>
/// <param name="IndicatorCode">The indicator.</param>
/// <param name="Period">The period.</param>
/// <param name="Value">The value.</param>
/// <param name="Numerator">The numerator, for a collection rate.</param>
/// <param name="Denominator">The denominator, for a collection rate.</param>
/// <param name="Note">A note, where the system keeps one.</param>
public sealed record SampleSourceFigure(string IndicatorCode, Period Period, decimal Value, decimal? Numerator, decimal? Denominator, string? Note);

/// <summary>Plausible, repeatable figures for the indicators a source feeds.</summary>
internal static class SampleSourceFigures
{
    public static IReadOnlyList<SampleSourceFigure> For(Framework framework, string source, DateOnly asOf)
    {
        var from = new FinancialYear(FinancialYear.Containing(asOf).StartYear - 1).Start;
        var figures = new List<SampleSourceFigure>();
        foreach (var indicator in framework.Indicators.Where(i => string.Equals(i.Source, source, StringComparison.OrdinalIgnoreCase)))
        {
            for (var period = Period.Containing(from, indicator.Frequency); period.End < asOf; period = period.Next())
            {
                figures.Add(Figure(indicator, period));
            }
        }

        return figures;
    }

    private static SampleSourceFigure Figure(Indicator indicator, Period period)
    {
        var wobble = Wobble(indicator.Code, period.Key);
        var month = period.Frequency == Frequency.Monthly ? (period.SortKey % 100) - 20 : 12;
        var measure = indicator.Code[4..];
        return measure switch
        {
            // In-year collection rates build up month by month towards the year's target.
            "REV-01" or "REV-02" => Collection(indicator.Code, period, month, measure == "REV-01" ? 97m : 98.2m, wobble),
            "HOU-05" => new SampleSourceFigure(indicator.Code, period, 97.4m + (wobble * 2.5m), null, null, null),
            "HOU-03" => new SampleSourceFigure(indicator.Code, period, Math.Round(21m + (wobble * 9m), 1), null, null, null),
            _ => new SampleSourceFigure(indicator.Code, period, Math.Round(15m + (wobble * 6m), 1), null, null, null),
        };
    }

    private static SampleSourceFigure Collection(string code, Period period, int month, decimal yearRate, decimal wobble)
    {
        var due = code.StartsWith("ASH", StringComparison.Ordinal) ? 52_400_000m : 61_800_000m;
        var rate = Math.Round((yearRate * month / 12m) + (wobble * 0.6m), 1);
        return new SampleSourceFigure(code, period, rate, due * rate / 100m, due, "Collected in year to date; the rate builds through the year.");
    }

    // 0.00 to 0.99, the same for the same indicator and period on every run.
    private static decimal Wobble(string code, string period)
    {
        var hash = 17;
        foreach (var c in code + period)
        {
            hash = unchecked((hash * 31) + c);
        }

        return (hash & 0x7fffffff) % 100 / 100m;
    }
}
