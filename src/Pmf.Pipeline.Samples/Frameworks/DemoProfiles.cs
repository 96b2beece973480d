using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;

namespace Pmf.Pipeline.Samples.Frameworks;

/// <summary>Targets profiled through the year, as councils set them for in-year collection rates.</summary>
internal static class DemoProfiles
{
    /// <summary>
    /// Monthly targets for the council tax and business rates collection rates (REV-01, REV-02) of
    /// <paramref name="indicators"/>: the year's rate built up month by month, overriding the year's target.
    /// </summary>
    public static IEnumerable<Target> Collection(IEnumerable<Indicator> indicators, FinancialYear year)
    {
        foreach (var indicator in indicators.Where(i => i.Code.EndsWith("-REV-01", StringComparison.Ordinal) || i.Code.EndsWith("-REV-02", StringComparison.Ordinal)))
        {
            var rate = indicator.Code.EndsWith("-REV-01", StringComparison.Ordinal) ? 97m : 98m;
            for (var month = 1; month <= 12; month++)
            {
                yield return new Target(indicator.Code, Period.Month(year.StartYear, month), Math.Round(rate * month / 12m, 1), null);
            }
        }
    }
}
