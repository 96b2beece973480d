using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Scoring;

namespace Pmf.Pipeline.Samples;

/// <summary>
/// The demo's framework: a joint-council partnership (two district councils sharing one officer
/// structure) with the indicators such councils really report. Every frequency, type, unit and
/// polarity appears; targets are set for two financial years, with period overrides and amber
/// thresholds where councils use them.
/// </summary>
public static class SampleFramework
{
    private static readonly Council[] Councils =
    [
        new("ASH", "Ashby Vale District Council"),
        new("BRK", "Brookmere Borough Council"),
    ];

    private static readonly Priority[] Priorities =
    [
        new("ASH", "HOMES", "Homes for everyone", "HOMES-1", "More affordable homes"),
        new("ASH", "HOMES", "Homes for everyone", "HOMES-2", "Prevent homelessness"),
        new("ASH", "ECON", "A thriving local economy", null, null),
        new("ASH", "GREEN", "Clean and green Ashby Vale", "GREEN-1", "Cut waste and raise recycling"),
        new("ASH", "GREEN", "Clean and green Ashby Vale", "GREEN-2", "Cleaner streets"),
        new("ASH", "COUNCIL", "An efficient, listening council", null, null),
        new("BRK", "HEALTH", "Healthy, safe communities", null, null),
        new("BRK", "PLACE", "A great place to live", "PLACE-1", "Homes people can afford"),
        new("BRK", "PLACE", "A great place to live", "PLACE-2", "A clean borough"),
        new("BRK", "NETZERO", "Net zero Brookmere by 2040", null, null),
        new("BRK", "WELLRUN", "A well-run council", null, null),
    ];

    private static readonly Service[] Services =
    [
        new("HOU", "Housing", "Priya Shah", "priya.shah@ashbyvale-brookmere.gov.uk", "Tom Okafor", "tom.okafor@ashbyvale-brookmere.gov.uk"),
        new("PLN", "Planning and Building Control", "Gareth Lloyd", "gareth.lloyd@ashbyvale-brookmere.gov.uk", "Tom Okafor", "tom.okafor@ashbyvale-brookmere.gov.uk"),
        new("WST", "Waste and Street Scene", "Joanne Pike", "joanne.pike@ashbyvale-brookmere.gov.uk", "Helen Marsh", "helen.marsh@ashbyvale-brookmere.gov.uk"),
        new("REV", "Revenues and Benefits", "Sunil Mehta", "sunil.mehta@ashbyvale-brookmere.gov.uk", "Helen Marsh", "helen.marsh@ashbyvale-brookmere.gov.uk"),
        new("CUS", "Customer Services", "Bethan Evans", "bethan.evans@ashbyvale-brookmere.gov.uk", "Helen Marsh", "helen.marsh@ashbyvale-brookmere.gov.uk"),
        new("ENV", "Environmental Health", "Marek Nowak", "marek.nowak@ashbyvale-brookmere.gov.uk", "Tom Okafor", "tom.okafor@ashbyvale-brookmere.gov.uk"),
        new("FIN", "Finance", "Claire Douglas", "claire.douglas@ashbyvale-brookmere.gov.uk", "Ruth Adeyemi", "ruth.adeyemi@ashbyvale-brookmere.gov.uk"),
        new("HRD", "People and Organisational Development", "Aisha Khan", "aisha.khan@ashbyvale-brookmere.gov.uk", "Ruth Adeyemi", "ruth.adeyemi@ashbyvale-brookmere.gov.uk"),
        new("COM", "Communities and Leisure", "Dan Whitaker", "dan.whitaker@ashbyvale-brookmere.gov.uk", null, null),
    ];

    /// <summary>The name of the demo's REST service-system source (housing management system).</summary>
    public const string HousingSource = "housing-system";

    /// <summary>The name of the demo's SQL service-system source (revenues and benefits database).</summary>
    public const string RevenuesSource = "revenues-db";

    // Measure templates reported by each council that has the priority; codes become e.g. ASH-HOU-01.
    private static readonly Measure[] Measures =
    [
        new("HOU-01", "Affordable homes delivered", "HOU", "HOMES", "HOMES-1", "PLACE", "PLACE-1", IndicatorType.Quantitative, Unit.Count, Polarity.HigherIsBetter, Frequency.Quarterly, 30m, 10m, Return: true),
        new("HOU-02", "Households in temporary accommodation", "HOU", "HOMES", "HOMES-2", "PLACE", "PLACE-1", IndicatorType.Quantitative, Unit.Count, Polarity.LowerIsBetter, Frequency.Monthly, 45m, 10m, Return: true),
        new("HOU-03", "Average days to re-let empty council homes", "HOU", "HOMES", "HOMES-2", "PLACE", "PLACE-1", IndicatorType.Quantitative, Unit.Days, Polarity.LowerIsBetter, Frequency.Monthly, 28m, 5m, Return: false),
        new("HOU-04", "Homelessness cases prevented or relieved", "HOU", "HOMES", "HOMES-2", "HEALTH", null, IndicatorType.Quantitative, Unit.Percent, Polarity.HigherIsBetter, Frequency.Quarterly, 65m, 5m, Return: true),
        new("HOU-05", "Rent collected as a % of rent due", "HOU", "HOMES", "HOMES-2", "PLACE", "PLACE-1", IndicatorType.Quantitative, Unit.Percent, Polarity.HigherIsBetter, Frequency.Monthly, 97.5m, 1m, Return: false),
        new("PLN-01", "Major planning applications decided within 13 weeks", "PLN", "ECON", null, "PLACE", "PLACE-1", IndicatorType.Quantitative, Unit.Percent, Polarity.HigherIsBetter, Frequency.Quarterly, 80m, 5m, Return: true),
        new("PLN-02", "Minor planning applications decided within 8 weeks", "PLN", "ECON", null, "PLACE", "PLACE-1", IndicatorType.Quantitative, Unit.Percent, Polarity.HigherIsBetter, Frequency.Quarterly, 85m, 5m, Return: true),
        new("PLN-03", "Planning appeals allowed", "PLN", "ECON", null, null, null, IndicatorType.Quantitative, Unit.Percent, Polarity.LowerIsBetter, Frequency.Annual, 10m, 2m, Return: true),
        new("PLN-04", "Years of housing land supply", "PLN", "HOMES", "HOMES-1", "PLACE", "PLACE-1", IndicatorType.Quantitative, Unit.Ratio, Polarity.HigherIsBetter, Frequency.Annual, 5m, 10m, Return: true),
        new("WST-01", "Household waste recycled or composted", "WST", "GREEN", "GREEN-1", "NETZERO", null, IndicatorType.Quantitative, Unit.Percent, Polarity.HigherIsBetter, Frequency.Quarterly, 52m, 5m, Return: true),
        new("WST-02", "Missed bin collections per 1,000 collections", "WST", "GREEN", "GREEN-1", "PLACE", "PLACE-2", IndicatorType.Quantitative, Unit.Ratio, Polarity.LowerIsBetter, Frequency.Monthly, 0.8m, 10m, Return: true),
        new("WST-03", "Fly-tipping incidents reported", "WST", "GREEN", "GREEN-2", "PLACE", "PLACE-2", IndicatorType.Quantitative, Unit.Count, Polarity.None, Frequency.Monthly, null, 0m, Return: true),
        new("WST-04", "Street cleanliness survey score", "WST", "GREEN", "GREEN-2", "PLACE", "PLACE-2", IndicatorType.Quantitative, Unit.Score, Polarity.HigherIsBetter, Frequency.Quarterly, 90m, 3m, Return: true),
        new("REV-01", "Council tax collected in year", "REV", "COUNCIL", null, "WELLRUN", null, IndicatorType.Quantitative, Unit.Percent, Polarity.HigherIsBetter, Frequency.Monthly, 97m, 0.5m, Return: false),
        new("REV-02", "Business rates collected in year", "REV", "COUNCIL", null, "WELLRUN", null, IndicatorType.Quantitative, Unit.Percent, Polarity.HigherIsBetter, Frequency.Monthly, 98m, 0.5m, Return: false),
        new("REV-03", "Days to process new Housing Benefit claims", "REV", "COUNCIL", null, "HEALTH", null, IndicatorType.Quantitative, Unit.Days, Polarity.LowerIsBetter, Frequency.Monthly, 20m, 10m, Return: false),
        new("CUS-01", "Calls answered", "CUS", "COUNCIL", null, "WELLRUN", null, IndicatorType.Quantitative, Unit.Percent, Polarity.HigherIsBetter, Frequency.Monthly, 90m, 5m, Return: true),
        new("CUS-02", "Complaints answered within 10 working days", "CUS", "COUNCIL", null, "WELLRUN", null, IndicatorType.Quantitative, Unit.Percent, Polarity.HigherIsBetter, Frequency.Quarterly, 95m, 5m, Return: true),
        new("CUS-03", "Customer satisfaction score", "CUS", "COUNCIL", null, "WELLRUN", null, IndicatorType.Quantitative, Unit.Score, Polarity.HigherIsBetter, Frequency.Quarterly, 80m, 5m, Return: true),
        new("CUS-04", "Transactions completed online", "CUS", "COUNCIL", null, null, null, IndicatorType.Quantitative, Unit.Count, Polarity.None, Frequency.Monthly, null, 0m, Return: true),
        new("ENV-01", "Food businesses rated 4 or 5 for hygiene", "ENV", null, null, "HEALTH", null, IndicatorType.Quantitative, Unit.Percent, Polarity.HigherIsBetter, Frequency.Quarterly, 92m, 2m, Return: true),
        new("ENV-02", "Noise complaints received", "ENV", null, null, "HEALTH", null, IndicatorType.Quantitative, Unit.Count, Polarity.None, Frequency.Quarterly, null, 0m, Return: true),
        new("FIN-01", "Invoices paid within 30 days", "FIN", "COUNCIL", null, "WELLRUN", null, IndicatorType.Quantitative, Unit.Percent, Polarity.HigherIsBetter, Frequency.Monthly, 95m, 3m, Return: true),
        new("FIN-02", "Forecast overspend against budget", "FIN", "COUNCIL", null, "WELLRUN", null, IndicatorType.Quantitative, Unit.Pounds, Polarity.LowerIsBetter, Frequency.Quarterly, 0m, 250000m, Return: true),
        new("FIN-03", "Savings delivered", "FIN", "COUNCIL", null, "WELLRUN", null, IndicatorType.Quantitative, Unit.Pounds, Polarity.HigherIsBetter, Frequency.Annual, 1200000m, 100000m, Return: true),
        new("HRD-01", "Working days lost to sickness per employee", "HRD", "COUNCIL", null, "WELLRUN", null, IndicatorType.Quantitative, Unit.Days, Polarity.LowerIsBetter, Frequency.Quarterly, 2m, 10m, Return: true),
        new("HRD-02", "Employee engagement score", "HRD", "COUNCIL", null, "WELLRUN", null, IndicatorType.Quantitative, Unit.Score, Polarity.HigherIsBetter, Frequency.Annual, 70m, 5m, Return: true),
        new("COM-01", "Visits to leisure centres", "COM", null, null, "HEALTH", null, IndicatorType.Quantitative, Unit.Count, Polarity.HigherIsBetter, Frequency.Monthly, 42000m, 10m, Return: true),
        new("COM-02", "Town centre regeneration programme", "COM", "ECON", null, null, null, IndicatorType.Qualitative, Unit.Score, Polarity.None, Frequency.Quarterly, null, 0m, Return: true),
        new("ENV-03", "Climate emergency action plan", "ENV", "GREEN", "GREEN-1", "NETZERO", null, IndicatorType.Qualitative, Unit.Score, Polarity.None, Frequency.Quarterly, null, 0m, Return: true),
        new("CUS-05", "New customer portal", "CUS", "COUNCIL", null, "WELLRUN", null, IndicatorType.Qualitative, Unit.Score, Polarity.None, Frequency.Annual, null, 0m, Return: true),
    ];

    /// <summary>
    /// The demo framework with targets for <paramref name="currentYear"/> and the year before it.
    /// </summary>
    public static Framework Create(FinancialYear currentYear)
    {
        var indicators = new List<Indicator>();
        var targets = new List<Target>();
        foreach (var council in Councils)
        {
            foreach (var m in Measures)
            {
                var priority = council.Code == "ASH" ? m.AshPriority : m.BrkPriority;
                if (priority is null)
                {
                    continue;
                }

                var code = $"{council.Code}-{m.Code}";
                indicators.Add(new Indicator
                {
                    Code = code,
                    Name = m.Name,
                    Description = $"{m.Name}, {council.Name}.",
                    CouncilCode = council.Code,
                    PriorityCode = priority,
                    ObjectiveCode = council.Code == "ASH" ? m.AshObjective : m.BrkObjective,
                    ServiceCode = m.Service,
                    Type = m.Type,
                    Unit = m.Unit,
                    Polarity = m.Polarity,
                    Frequency = m.Frequency,
                    Multiplier = m.Unit switch { Unit.Percent => 100m, Unit.Ratio when m.Code == "WST-02" => 1000m, _ => 1m },
                    // Percentages and a budget variance carry an absolute band; other units a % of target.
                    Tolerance = new Tolerance(m.Tolerance, IsPercentOfTarget: m.Unit != Unit.Percent && m.Unit != Unit.Pounds),
                    DueWorkingDays = m.Frequency == Frequency.Annual ? 20 : 10,
                    Source = m.Return ? Indicator.ReturnSource : m.Service == "HOU" ? HousingSource : RevenuesSource,
                    LeadOfficer = Services.Single(s => s.Code == m.Service).HeadOfService,
                    Committee = m.Service is "FIN" or "HRD" or "REV" or "CUS" ? "Audit and Governance" : "Overview and Scrutiny",
                    // Collection rates are the year so far: September's figure is what was collected April to September.
                    Accumulation = m.Code is "REV-01" or "REV-02" ? Accumulation.YearToDate : Accumulation.PerPeriod,
                });
                if (m.Target is { } target)
                {
                    // Targets stretch a little in the later year; one amber threshold shows the override.
                    var stretch = m.Polarity == Polarity.HigherIsBetter ? 1.02m : 0.95m;
                    targets.Add(new Target(code, Period.Annual(currentYear.StartYear - 1), target, null));
                    targets.Add(new Target(code, Period.Annual(currentYear.StartYear), Math.Round(target * stretch, 2), m.Code == "HOU-02" ? Math.Round(target * 1.2m, 0) : null));
                }
            }
        }

        // Collection rates are profiled through the year: a period target overrides the year's. Council tax
        // builds evenly; business rates lag a straight line while reliefs and appeals settle, and catch up by
        // March (the year-end target, 99.96%, is the last month's). Last year's were derived evenly from the
        // year-end target, as a year-to-date indicator's are when no profile is given.
        foreach (var council in Councils)
        {
            for (var month = 1; month <= 12; month++)
            {
                var profile = Math.Round(97m * month / 12m, 1);
                targets.Add(new Target($"{council.Code}-REV-01", Period.Month(currentYear.StartYear, month), profile, null));
                targets.Add(new Target($"{council.Code}-REV-02", Period.Month(currentYear.StartYear, month), BusinessRatesProfile[month - 1], null)
                {
                    Reason = "Profiled by Revenues: collection lags while reliefs and appeals settle",
                });
            }
        }

        return new Framework(Councils, Priorities, Services, indicators, targets);
    }

    /// <summary>Business rates collected in year, per cent, by the end of each month April to March.</summary>
    private static readonly decimal[] BusinessRatesProfile = [8.0m, 16.2m, 24.4m, 32.6m, 40.8m, 49.0m, 57.3m, 65.6m, 73.9m, 82.2m, 91.0m, 99.96m];

    private sealed record Measure(
        string Code,
        string Name,
        string Service,
        string? AshPriority,
        string? AshObjective,
        string? BrkPriority,
        string? BrkObjective,
        IndicatorType Type,
        Unit Unit,
        Polarity Polarity,
        Frequency Frequency,
        decimal? Target,
        decimal Tolerance,
        bool Return);
}
