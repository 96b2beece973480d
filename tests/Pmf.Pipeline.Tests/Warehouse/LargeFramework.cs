using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Scoring;

namespace Pmf.Pipeline.Tests.Warehouse;

/// <summary>A framework of a big council: <c>count</c> monthly indicators over ten services, with targets for two years.</summary>
public static class LargeFramework
{
    public static Framework Create(int count)
    {
        var services = Enumerable.Range(0, 10)
            .Select(s => new Service($"S{s:00}", $"Service {s}", $"Head {s}", $"head{s}@council.gov.uk", null, null))
            .ToList();
        var indicators = Enumerable.Range(0, count).Select(n => new Indicator
        {
            Code = $"S{n % 10:00}-{n:0000}",
            Name = $"Indicator {n}",
            CouncilCode = "BIG",
            PriorityCode = "ALL",
            ServiceCode = $"S{n % 10:00}",
            Type = IndicatorType.Quantitative,
            Unit = Unit.Percent,
            Polarity = n % 3 == 0 ? Polarity.LowerIsBetter : Polarity.HigherIsBetter,
            Frequency = Frequency.Monthly,
            Multiplier = 100m,
            Tolerance = Tolerance.Absolute(5m),
            DueWorkingDays = 10,
            Source = Indicator.ReturnSource,
        }).ToList();
        var targets = indicators
            .SelectMany(i => new[] { new Target(i.Code, Period.Annual(2024), 80m, null), new Target(i.Code, Period.Annual(2025), 82m, null) })
            .ToList();
        return new Framework([new Council("BIG", "Big Council")], [new Priority("BIG", "ALL", "Everything", null, null)], services, indicators, targets);
    }
}
