using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Scoring;
using static Pmf.Pipeline.Samples.Frameworks.DemoMeasure;

namespace Pmf.Pipeline.Samples.Frameworks;

/// <summary>
/// South Oxfordshire and Vale of White Horse District Councils' joint framework: two councils sharing one
/// officer structure, each with the six themes of its Corporate Plan 2020-24 (the PMF names themes, not
/// objectives, so indicators sit under the themes), reporting quarterly to its Cabinet and Scrutiny
/// Committee and on the climate measures to South's Climate Emergency Advisory Committee (CEAC) and the
/// Vale's Climate and Ecological Emergency Advisory Committee (CEEAC). Officers' names are invented.
/// </summary>
public static class SouthValeFramework
{
    private const string South = "SOD";
    private const string Vale = "VWH";

    private static readonly Council[] Councils =
    [
        new(South, "South Oxfordshire District Council"),
        new(Vale, "Vale of White Horse District Council"),
    ];

    private static readonly Priority[] Priorities =
    [
        new(South, "NAT", "Protect and restore our natural world", null, null),
        new(South, "OPN", "Openness and accountability", null, null),
        new(South, "CLM", "Action on the climate emergency", null, null),
        new(South, "ECW", "Improved economic and community well-being", null, null),
        new(South, "HOM", "Homes and infrastructure that meets local needs", null, null),
        new(South, "INV", "Investment that re-builds our financial viability", null, null),
        new(Vale, "HOM", "Providing the homes people need", null, null),
        new(Vale, "CLM", "Tackling the Climate Emergency", null, null),
        new(Vale, "HLT", "Building healthy communities", null, null),
        new(Vale, "FIN", "Building stable finances", null, null),
        new(Vale, "PTN", "Working in partnership", null, null),
        new(Vale, "OPN", "Working in an open and inclusive way", null, null),
    ];

    private const string Mail = "southandvale.example.gov.uk";

    private static readonly Service[] Services =
    [
        new("HOU", "Housing and Environment", "Claire Fenwick", $"claire.fenwick@{Mail}", "Mark Stone", $"mark.stone@{Mail}"),
        new("PLN", "Planning", "Adrian Duffy", $"adrian.duffy@{Mail}", "Mark Stone", $"mark.stone@{Mail}"),
        new("WST", "Waste and Street Cleansing", "Kerry Lomas", $"kerry.lomas@{Mail}", "Mark Stone", $"mark.stone@{Mail}"),
        new("CLM", "Climate Action and Sustainability", "Hannah Clough", $"hannah.clough@{Mail}", "Mark Stone", $"mark.stone@{Mail}"),
        new("ENV", "Environmental Protection", "Liam Forde", $"liam.forde@{Mail}", "Anna Price", $"anna.price@{Mail}"),
        new("COM", "Communities and Leisure", "Nadia Rahman", $"nadia.rahman@{Mail}", "Anna Price", $"anna.price@{Mail}"),
        new("ECO", "Economic Development", "Peter Walsh", $"peter.walsh@{Mail}", "Anna Price", $"anna.price@{Mail}"),
        new("CUS", "Customer Services and Information Governance", "Jo Turner", $"jo.turner@{Mail}", "Anna Price", $"anna.price@{Mail}"),
        new("HRD", "HR, IT and Technical", "Sam Okafor", $"sam.okafor@{Mail}", "Simon Hewings", $"simon.hewings@{Mail}"),
        new("REV", "Revenues and Benefits", "Ellen Ward", $"ellen.ward@{Mail}", "Simon Hewings", $"simon.hewings@{Mail}"),
        new("FIN", "Finance and Property", "Rob Chalk", $"rob.chalk@{Mail}", "Simon Hewings", $"simon.hewings@{Mail}"),
    ];

    // Places: [South's theme, the Vale's theme]; null where that council does not report the measure.
    private static readonly DemoMeasure[] Measures =
    [
        new("HOU-01", "Affordable homes delivered", "HOU", ["HOM", "HOM"], IndicatorType.Quantitative, Unit.Count, Polarity.HigherIsBetter, Frequency.Quarterly, 60m, 10m),
        new("HOU-02", "Homelessness cases prevented or relieved", "HOU", ["ECW", "HLT"], IndicatorType.Quantitative, Unit.Percent, Polarity.HigherIsBetter, Frequency.Quarterly, 65m, 5m),
        new("HOU-03", "Households in temporary accommodation", "HOU", ["ECW", "HLT"], IndicatorType.Quantitative, Unit.Count, Polarity.LowerIsBetter, Frequency.Monthly, 20m, 10m, SampleFramework.HousingSource),
        new("PLN-01", "Major planning applications determined in time", "PLN", ["HOM", "HOM"], IndicatorType.Quantitative, Unit.Percent, Polarity.HigherIsBetter, Frequency.Quarterly, 85m, 5m),
        new("PLN-02", "Minor planning applications determined in time", "PLN", ["HOM", "HOM"], IndicatorType.Quantitative, Unit.Percent, Polarity.HigherIsBetter, Frequency.Quarterly, 85m, 5m),
        new("PLN-03", "Years of housing land supply", "PLN", ["HOM", "HOM"], IndicatorType.Quantitative, Unit.Ratio, Polarity.HigherIsBetter, Frequency.Annual, 5m, 10m),
        Qualitative("PLN-04", "Joint Local Plan 2041", "PLN", ["HOM", "PTN"], Frequency.Quarterly, "The two councils' Joint Local Plan, by status and commentary."),
        new("WST-01", "Household waste reused, recycled or composted", "WST", ["CLM", "CLM"], IndicatorType.Quantitative, Unit.Percent, Polarity.HigherIsBetter, Frequency.Quarterly, 63m, 2m),
        new("WST-02", "Missed bin collections per 1,000 collections", "WST", ["ECW", "HLT"], IndicatorType.Quantitative, Unit.Ratio, Polarity.LowerIsBetter, Frequency.Monthly, 0.5m, 10m),
        new("WST-03", "Fly-tipping incidents reported", "WST", ["NAT", "HLT"], IndicatorType.Quantitative, Unit.Count, Polarity.None, Frequency.Monthly, null, 0m),
        new("CLM-01", "Council's own carbon emissions (tonnes CO2e)", "CLM", ["CLM", "CLM"], IndicatorType.Quantitative, Unit.Count, Polarity.LowerIsBetter, Frequency.Annual, 1800m, 5m),
        Qualitative("CLM-02", "Climate action plan: the year's actions", "CLM", ["CLM", "CLM"], Frequency.Quarterly, "Progress of the council's climate action plan, by status and commentary."),
        new("CLM-03", "Council land managed for nature (hectares)", "CLM", ["NAT", "CLM"], IndicatorType.Quantitative, Unit.Count, Polarity.HigherIsBetter, Frequency.Annual, 120m, 5m),
        new("ENV-01", "Food businesses rated 4 or 5 for hygiene", "ENV", ["ECW", "HLT"], IndicatorType.Quantitative, Unit.Percent, Polarity.HigherIsBetter, Frequency.Quarterly, 95m, 2m),
        new("ENV-02", "Air quality monitoring sites within the nitrogen dioxide objective", "ENV", ["NAT", "HLT"], IndicatorType.Quantitative, Unit.Percent, Polarity.HigherIsBetter, Frequency.Quarterly, 95m, 5m),
        new("COM-01", "Visits to the councils' leisure centres", "COM", ["ECW", "HLT"], IndicatorType.Quantitative, Unit.Count, Polarity.HigherIsBetter, Frequency.Monthly, 55000m, 10m),
        new("COM-02", "Community grants awarded (£)", "COM", ["ECW", "PTN"], IndicatorType.Quantitative, Unit.Pounds, Polarity.None, Frequency.Quarterly, null, 0m),
        Qualitative("COM-03", "Didcot Garden Town delivery", "COM", ["HOM", "PTN"], Frequency.Quarterly, "The Didcot Garden Town programme shared by both councils, by status and commentary."),
        new("ECO-01", "Businesses given advice or support", "ECO", ["ECW", "PTN"], IndicatorType.Quantitative, Unit.Count, Polarity.HigherIsBetter, Frequency.Quarterly, 150m, 10m),
        new("CUS-01", "Calls answered by Customer Services", "CUS", ["OPN", "OPN"], IndicatorType.Quantitative, Unit.Percent, Polarity.HigherIsBetter, Frequency.Monthly, 90m, 5m),
        new("CUS-02", "Complaints answered within 10 working days", "CUS", ["OPN", "OPN"], IndicatorType.Quantitative, Unit.Percent, Polarity.HigherIsBetter, Frequency.Quarterly, 95m, 5m),
        new("CUS-03", "Freedom of information requests answered within 20 working days", "CUS", ["OPN", "OPN"], IndicatorType.Quantitative, Unit.Percent, Polarity.HigherIsBetter, Frequency.Quarterly, 90m, 5m),
        new("HRD-01", "Working days lost to sickness per employee", "HRD", ["OPN", "OPN"], IndicatorType.Quantitative, Unit.Days, Polarity.LowerIsBetter, Frequency.Quarterly, 2m, 10m),
        new("REV-01", "Council tax collected in year", "REV", ["INV", "FIN"], IndicatorType.Quantitative, Unit.Percent, Polarity.HigherIsBetter, Frequency.Monthly, 98.5m, 0.5m, SampleFramework.RevenuesSource),
        new("REV-02", "Business rates collected in year", "REV", ["INV", "FIN"], IndicatorType.Quantitative, Unit.Percent, Polarity.HigherIsBetter, Frequency.Monthly, 98m, 0.5m, SampleFramework.RevenuesSource),
        new("REV-03", "Days to process new Housing Benefit claims", "REV", ["ECW", "HLT"], IndicatorType.Quantitative, Unit.Days, Polarity.LowerIsBetter, Frequency.Monthly, 18m, 10m, SampleFramework.RevenuesSource),
        new("FIN-01", "Invoices paid within 30 days", "FIN", ["INV", "FIN"], IndicatorType.Quantitative, Unit.Percent, Polarity.HigherIsBetter, Frequency.Monthly, 95m, 3m),
        new("FIN-02", "Forecast variance against the revenue budget", "FIN", ["INV", "FIN"], IndicatorType.Quantitative, Unit.Pounds, Polarity.LowerIsBetter, Frequency.Quarterly, 0m, 250000m),
        new("FIN-03", "Commercial property income against budget", "FIN", ["INV", null], IndicatorType.Quantitative, Unit.Percent, Polarity.HigherIsBetter, Frequency.Quarterly, 100m, 5m),
    ];

    private static readonly Committee[] Committees =
    [
        new("SOD-CAB", "Cabinet", South, CommitteeKind.Executive, []),
        new("SOD-SCR", "Scrutiny Committee", South, CommitteeKind.Scrutiny, []),
        new("SOD-CEAC", "Climate Emergency Advisory Committee", South, CommitteeKind.Advisory, []),
        new("VWH-CAB", "Cabinet", Vale, CommitteeKind.Executive, []),
        new("VWH-SCR", "Scrutiny Committee", Vale, CommitteeKind.Scrutiny, []),
        new("VWH-CEEAC", "Climate and Ecological Emergency Advisory Committee", Vale, CommitteeKind.Advisory, []),
    ];

    // Each council's annual delivery plan: actions and projects with their milestones.
    private static readonly DemoPlan[] SouthPlan =
    [
        new("A01", "Update the Climate Action Plan and report the council's emissions", "CLM", "CLM", [("Emissions for the last year reported to CEAC", 4), ("Climate Action Plan update adopted", 9)]),
        new("A02", "Biodiversity baseline of the council's land", "NAT", "CLM", [("Habitat survey complete", 6), ("Baseline published", 10)]),
        new("A03", "Didcot Garden Town: deliver the year's programme", "HOM", "COM", [("Year's programme agreed with partners", 3), ("Public realm scheme on site", 11)]),
        new("A04", "Live-stream and publish every committee meeting", "OPN", "CUS", [("Equipment installed in the council chamber", 5), ("All committee meetings live-streamed", 8)]),
        new("A05", "Commercial property: review the investment strategy", "INV", "FIN", [("Portfolio valuation complete", 6), ("Strategy agreed by Cabinet", 10)]),
    ];

    private static readonly DemoPlan[] ValePlan =
    [
        new("A01", "Fit heat pumps and solar panels to council buildings", "CLM", "CLM", [("Designs and funding agreed", 4), ("Works complete at the first two sites", 11)]),
        new("A02", "Joint Local Plan 2041: publish the preferred options", "PTN", "PLN", [("Evidence base complete", 5), ("Preferred options consultation opened", 9)]),
        new("A03", "Refurbish the Abbey Meadow outdoor pool", "HLT", "COM", [("Works complete", 2), ("Pool reopened for the season", 3)]),
        new("A04", "Agree a balanced Medium Term Financial Plan", "FIN", "FIN", [("Savings options to Scrutiny", 8), ("Budget set by Council", 11)]),
        new("A05", "Publish performance openly each quarter", "OPN", "CUS", [("Quarter 1 report to Scrutiny and Cabinet", 5), ("Annual report published", 3)]),
    ];

    /// <summary>The two councils' framework with targets for <paramref name="currentYear"/> and the year before it.</summary>
    public static Framework Create(FinancialYear currentYear)
    {
        var (indicators, targets) = Build(Councils, Priorities, Services, Measures, currentYear, (_, _) => null);
        targets.AddRange(DemoProfiles.Collection(indicators, currentYear));
        var (southActions, southMilestones) = DemoPlan.Build(South, Priorities, Services, SouthPlan, currentYear);
        var (valeActions, valeMilestones) = DemoPlan.Build(Vale, Priorities, Services, ValePlan, currentYear);
        return new Framework(Councils, Priorities, Services, indicators, targets)
        {
            Committees = Committees,
            CommitteeItems = Items(),
            Actions = [.. southActions, .. valeActions],
            Milestones = [.. southMilestones, .. valeMilestones],
        };
    }

    // Scrutiny reviews the whole plan, then Cabinet approves it; the climate committees see the climate
    // theme, and South's CEAC also its natural world theme (climate and biodiversity).
    private static CommitteeItem[] Items()
    {
        var items = new List<CommitteeItem>();
        foreach (var council in Councils)
        {
            foreach (var theme in Priorities.Where(p => p.CouncilCode == council.Code))
            {
                items.Add(new($"{council.Code}-SCR", CommitteeItemKind.Priority, theme.Code));
                items.Add(new($"{council.Code}-CAB", CommitteeItemKind.Priority, theme.Code));
            }
        }

        items.Add(new("SOD-CEAC", CommitteeItemKind.Priority, "CLM"));
        items.Add(new("SOD-CEAC", CommitteeItemKind.Priority, "NAT"));
        items.Add(new("VWH-CEEAC", CommitteeItemKind.Priority, "CLM"));
        return [.. items];
    }
}
