using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Scoring;
using static Pmf.Pipeline.Samples.Frameworks.DemoMeasure;

namespace Pmf.Pipeline.Samples.Frameworks;

/// <summary>
/// Stroud District Council's framework as its PMF of November 2021 describes it: the Council Plan
/// 2021-26's three priorities and sixteen strategic objectives (section 2.2), quantitative and
/// qualitative indicators of the kind a district council publishes, and its committee system: Council
/// Plan updates to Strategy and Resources, the service committees (Housing; Environment; Community
/// Services and Licensing) seeing their own areas, two Committee Performance Monitors each, and Audit
/// and Standards looking at the figures behind the finances. Officers' and members' names are invented.
/// </summary>
public static class StroudFramework
{
    private const string Sdc = "SDC";

    private static readonly Council[] Councils = [new(Sdc, "Stroud District Council")];

    private static readonly Priority[] Priorities =
    [
        new(Sdc, "ECC", "Environment and Climate Change", "ECC1", "Tackle the Climate and Ecological Emergency"),
        new(Sdc, "ECC", "Environment and Climate Change", "ECC2", "Biodiversity"),
        new(Sdc, "ECC", "Environment and Climate Change", "ECC3", "Sustainable Construction and Retrofit"),
        new(Sdc, "ECC", "Environment and Climate Change", "ECC4", "Mobility / Transport"),
        new(Sdc, "ECC", "Environment and Climate Change", "ECC5", "Circular Economy"),
        new(Sdc, "ECC", "Environment and Climate Change", "ECC6", "Renewable Energy"),
        new(Sdc, "CRW", "Community Resilience and Wellbeing", "CRW1", "Community Resilience"),
        new(Sdc, "CRW", "Community Resilience and Wellbeing", "CRW2", "Affordable Homes"),
        new(Sdc, "CRW", "Community Resilience and Wellbeing", "CRW3", "Community Engagement"),
        new(Sdc, "CRW", "Community Resilience and Wellbeing", "CRW4", "Leisure and Cultural Services"),
        new(Sdc, "CRW", "Community Resilience and Wellbeing", "CRW5", "Equality, Diversity and Inclusion"),
        new(Sdc, "ERR", "Economy, Recovery and Regeneration", "ERR1", "Economic Recovery"),
        new(Sdc, "ERR", "Economy, Recovery and Regeneration", "ERR2", "Regeneration"),
        new(Sdc, "ERR", "Economy, Recovery and Regeneration", "ERR3", "Investment"),
        new(Sdc, "ERR", "Economy, Recovery and Regeneration", "ERR4", "Support for Businesses"),
        new(Sdc, "ERR", "Economy, Recovery and Regeneration", "ERR5", "Strategic Planning"),
    ];

    private static readonly Service[] Services =
    [
        new("HOU", "Tenant and Property Services", "Karen Whitby", "karen.whitby@stroud.example.gov.uk", "Ian Holloway", "ian.holloway@stroud.example.gov.uk"),
        new("PLN", "Planning Strategy and Development Management", "Owen Pritchard", "owen.pritchard@stroud.example.gov.uk", "Ian Holloway", "ian.holloway@stroud.example.gov.uk"),
        new("WST", "Waste and Recycling", "Fiona Marsh", "fiona.marsh@stroud.example.gov.uk", "Ian Holloway", "ian.holloway@stroud.example.gov.uk"),
        new("CLM", "Climate Change and Sustainability", "Rachel Ahmed", "rachel.ahmed@stroud.example.gov.uk", "Ian Holloway", "ian.holloway@stroud.example.gov.uk"),
        new("ENV", "Environmental Health and Licensing", "David Okoro", "david.okoro@stroud.example.gov.uk", "Louise Tennant", "louise.tennant@stroud.example.gov.uk"),
        new("COM", "Community Services, Leisure and Museum", "Helen Draper", "helen.draper@stroud.example.gov.uk", "Louise Tennant", "louise.tennant@stroud.example.gov.uk"),
        new("CUS", "Customer Services", "Mark Jennings", "mark.jennings@stroud.example.gov.uk", "Louise Tennant", "louise.tennant@stroud.example.gov.uk"),
        new("HRD", "Human Resources", "Priya Nair", "priya.nair@stroud.example.gov.uk", "Andrew Cole", "andrew.cole@stroud.example.gov.uk"),
        new("REV", "Revenues and Benefits", "Simon Fry", "simon.fry@stroud.example.gov.uk", "Andrew Cole", "andrew.cole@stroud.example.gov.uk"),
        new("FIN", "Finance", "Gemma Roberts", "gemma.roberts@stroud.example.gov.uk", "Andrew Cole", "andrew.cole@stroud.example.gov.uk"),
        new("ECO", "Economic Development and Regeneration", "Tom Beckett", "tom.beckett@stroud.example.gov.uk", "Andrew Cole", "andrew.cole@stroud.example.gov.uk"),
    ];

    private static readonly DemoMeasure[] Measures =
    [
        new("CLM-01", "Council's own carbon emissions (tonnes CO2e)", "CLM", ["ECC1"], IndicatorType.Quantitative, Unit.Count, Polarity.LowerIsBetter, Frequency.Annual, 2900m, 5m),
        Qualitative("CLM-02", "Carbon neutral 2030 strategy: the year's actions", "CLM", ["ECC1"], Frequency.Quarterly, "Progress of the year's actions in the 2030 Strategy, by status and commentary."),
        new("PLN-05", "Major permissions securing at least 10% biodiversity net gain", "PLN", ["ECC2"], IndicatorType.Quantitative, Unit.Percent, Polarity.HigherIsBetter, Frequency.Quarterly, 90m, 5m),
        Qualitative("CLM-03", "Nature recovery: tree planting and wilding on council land", "CLM", ["ECC2"], Frequency.Quarterly, "Delivery of the Nature Recovery Network and tree planting, by status and commentary."),
        new("HOU-06", "Council homes retrofitted to EPC C or better", "HOU", ["ECC3"], IndicatorType.Quantitative, Unit.Count, Polarity.HigherIsBetter, Frequency.Quarterly, 60m, 10m),
        new("CLM-04", "Electric vehicle charge points in council car parks", "CLM", ["ECC4"], IndicatorType.Quantitative, Unit.Count, Polarity.HigherIsBetter, Frequency.Annual, 20m, 10m),
        new("WST-01", "Household waste sent for reuse, recycling and composting", "WST", ["ECC5"], IndicatorType.Quantitative, Unit.Percent, Polarity.HigherIsBetter, Frequency.Quarterly, 60m, 3m),
        new("WST-02", "Residual household waste per household (kg)", "WST", ["ECC5"], IndicatorType.Quantitative, Unit.Count, Polarity.LowerIsBetter, Frequency.Quarterly, 95m, 5m),
        new("WST-03", "Missed bin collections per 1,000 collections", "WST", ["ECC5"], IndicatorType.Quantitative, Unit.Ratio, Polarity.LowerIsBetter, Frequency.Monthly, 0.6m, 10m),
        new("CLM-05", "Renewable energy generated on council buildings (MWh)", "CLM", ["ECC6"], IndicatorType.Quantitative, Unit.Count, Polarity.HigherIsBetter, Frequency.Annual, 350m, 10m),
        new("HOU-01", "Homelessness cases prevented or relieved", "HOU", ["CRW1"], IndicatorType.Quantitative, Unit.Percent, Polarity.HigherIsBetter, Frequency.Quarterly, 60m, 5m),
        new("HOU-02", "Households in temporary accommodation", "HOU", ["CRW1"], IndicatorType.Quantitative, Unit.Count, Polarity.LowerIsBetter, Frequency.Monthly, 25m, 10m),
        new("REV-03", "Days to process new Housing Benefit claims", "REV", ["CRW1"], IndicatorType.Quantitative, Unit.Days, Polarity.LowerIsBetter, Frequency.Monthly, 18m, 10m, SampleFramework.RevenuesSource),
        new("WST-04", "Fly-tipping incidents reported", "WST", ["CRW1"], IndicatorType.Quantitative, Unit.Count, Polarity.None, Frequency.Monthly, null, 0m),
        new("ENV-01", "Food businesses rated 4 or 5 for hygiene", "ENV", ["CRW1"], IndicatorType.Quantitative, Unit.Percent, Polarity.HigherIsBetter, Frequency.Quarterly, 95m, 2m),
        new("ENV-03", "Licence applications decided within the statutory time", "ENV", ["CRW1"], IndicatorType.Quantitative, Unit.Percent, Polarity.HigherIsBetter, Frequency.Quarterly, 90m, 5m),
        new("HOU-04", "Affordable homes delivered", "HOU", ["CRW2"], IndicatorType.Quantitative, Unit.Count, Polarity.HigherIsBetter, Frequency.Quarterly, 40m, 10m),
        new("HOU-07", "New council homes built or bought", "HOU", ["CRW2"], IndicatorType.Quantitative, Unit.Count, Polarity.HigherIsBetter, Frequency.Annual, 30m, 10m),
        new("HOU-03", "Average days to re-let empty council homes", "HOU", ["CRW2"], IndicatorType.Quantitative, Unit.Days, Polarity.LowerIsBetter, Frequency.Monthly, 30m, 10m, SampleFramework.HousingSource),
        new("HOU-05", "Rent collected as a % of rent due", "HOU", ["CRW2"], IndicatorType.Quantitative, Unit.Percent, Polarity.HigherIsBetter, Frequency.Monthly, 98m, 1m, SampleFramework.HousingSource),
        new("CUS-01", "Calls answered by Customer Services", "CUS", ["CRW3"], IndicatorType.Quantitative, Unit.Percent, Polarity.HigherIsBetter, Frequency.Monthly, 90m, 5m),
        new("CUS-02", "Complaints answered within 10 working days", "CUS", ["CRW3"], IndicatorType.Quantitative, Unit.Percent, Polarity.HigherIsBetter, Frequency.Quarterly, 95m, 5m),
        new("CUS-03", "Transactions completed online", "CUS", ["CRW3"], IndicatorType.Quantitative, Unit.Count, Polarity.None, Frequency.Monthly, null, 0m),
        new("COM-01", "Visits to Stratford Park Leisure Centre", "COM", ["CRW4"], IndicatorType.Quantitative, Unit.Count, Polarity.HigherIsBetter, Frequency.Monthly, 38000m, 10m),
        new("COM-02", "Visitors to the Museum in the Park", "COM", ["CRW4"], IndicatorType.Quantitative, Unit.Count, Polarity.HigherIsBetter, Frequency.Quarterly, 15000m, 10m),
        new("HRD-01", "Staff who completed equality, diversity and inclusion training", "HRD", ["CRW5"], IndicatorType.Quantitative, Unit.Percent, Polarity.HigherIsBetter, Frequency.Quarterly, 90m, 5m),
        Qualitative("HRD-02", "Equality, diversity and inclusion action plan", "HRD", ["CRW5"], Frequency.Quarterly, "Progress of the council's EDI action plan, by status and commentary."),
        Qualitative("ECO-01", "Economic recovery plan", "ECO", ["ERR1"], Frequency.Quarterly, "Progress of the district's economic recovery plan, by status and commentary."),
        new("REV-01", "Council tax collected in year", "REV", ["ERR1"], IndicatorType.Quantitative, Unit.Percent, Polarity.HigherIsBetter, Frequency.Monthly, 98m, 0.5m, SampleFramework.RevenuesSource),
        Qualitative("ECO-02", "Brimscombe Port regeneration", "ECO", ["ERR2"], Frequency.Quarterly, "The Brimscombe Port redevelopment, by status and commentary."),
        new("FIN-02", "Capital programme spent against the year's budget", "FIN", ["ERR3"], IndicatorType.Quantitative, Unit.Percent, Polarity.HigherIsBetter, Frequency.Quarterly, 85m, 10m),
        new("FIN-01", "Invoices paid within 30 days", "FIN", ["ERR4"], IndicatorType.Quantitative, Unit.Percent, Polarity.HigherIsBetter, Frequency.Monthly, 95m, 3m),
        new("REV-02", "Business rates collected in year", "REV", ["ERR4"], IndicatorType.Quantitative, Unit.Percent, Polarity.HigherIsBetter, Frequency.Monthly, 98.5m, 0.5m, SampleFramework.RevenuesSource),
        new("PLN-01", "Major planning applications determined in time", "PLN", ["ERR5"], IndicatorType.Quantitative, Unit.Percent, Polarity.HigherIsBetter, Frequency.Quarterly, 80m, 5m),
        new("PLN-02", "Minor planning applications determined in time", "PLN", ["ERR5"], IndicatorType.Quantitative, Unit.Percent, Polarity.HigherIsBetter, Frequency.Quarterly, 85m, 5m),
        new("PLN-03", "Other planning applications determined in time", "PLN", ["ERR5"], IndicatorType.Quantitative, Unit.Percent, Polarity.HigherIsBetter, Frequency.Quarterly, 90m, 5m),
        Qualitative("PLN-04", "Local Plan review", "PLN", ["ERR5"], Frequency.Annual, "The Local Plan review's progress to examination and adoption."),
    ];

    private static readonly Committee[] Committees =
    [
        new("SR", "Strategy and Resources Committee", Sdc, CommitteeKind.Executive, ["Cllr Rosa Turnbull", "Cllr Martin Pearce"]),
        new("HC", "Housing Committee", Sdc, CommitteeKind.Executive, ["Cllr Jane Ellery", "Cllr Paul Hendry"]),
        new("EC", "Environment Committee", Sdc, CommitteeKind.Executive, ["Cllr Sophie Marlow", "Cllr Gareth Weeks"]),
        new("CSL", "Community Services and Licensing Committee", Sdc, CommitteeKind.Executive, ["Cllr Amira Haddad", "Cllr Chris Lowe"]),
        new("AS", "Audit and Standards Committee", Sdc, CommitteeKind.Audit, ["Cllr Neil Carver", "Cllr Ruth Ashdown"]),
    ];

    // Council Plan updates go to Strategy and Resources; each service committee sees its own areas.
    private static readonly CommitteeItem[] Items =
    [
        new("SR", CommitteeItemKind.Priority, "ECC"),
        new("SR", CommitteeItemKind.Priority, "CRW"),
        new("SR", CommitteeItemKind.Priority, "ERR"),
        new("HC", CommitteeItemKind.Objective, "CRW2"),
        new("HC", CommitteeItemKind.Indicator, "SDC-HOU-01"),
        new("HC", CommitteeItemKind.Indicator, "SDC-HOU-02"),
        new("HC", CommitteeItemKind.Indicator, "SDC-HOU-06"),
        new("EC", CommitteeItemKind.Priority, "ECC"),
        new("EC", CommitteeItemKind.Indicator, "SDC-WST-04"),
        new("CSL", CommitteeItemKind.Objective, "CRW3"),
        new("CSL", CommitteeItemKind.Objective, "CRW4"),
        new("CSL", CommitteeItemKind.Objective, "CRW5"),
        new("CSL", CommitteeItemKind.Indicator, "SDC-ENV-01"),
        new("CSL", CommitteeItemKind.Indicator, "SDC-ENV-03"),
    ];

    // The year's delivery plan: actions and projects with their milestones.
    private static readonly DemoPlan[] Plan =
    [
        new("A01", "Deliver the year's actions of the 2030 Strategy (carbon neutral by 2030)", "ECC1", "CLM", [("Carbon baseline for the year published", 3), ("Year's actions reviewed by the Environment Committee", 9)]),
        new("A02", "Retrofit council homes with insulation and heat pumps", "ECC3", "HOU", [("Contractor appointed", 3), ("First 30 homes completed", 6), ("All homes in the year's programme completed", 12)]),
        new("A03", "Install electric vehicle charge points in council car parks", "ECC4", "CLM", [("Sites surveyed and grid connections agreed", 4), ("Charge points live", 11)]),
        new("A04", "Start on site at the next new council homes scheme", "CRW2", "HOU", [("Planning permission granted", 5), ("Start on site", 10)]),
        new("A05", "Refurbish and reopen the Stratford Park lido", "CRW4", "COM", [("Refurbishment works complete", 2), ("Lido reopened for the season", 3)]),
        new("A06", "Brimscombe Port: appoint a development partner", "ERR2", "ECO", [("Tenders evaluated", 6), ("Development partner appointed", 9)]),
        new("A07", "Submit the Local Plan review for examination", "ERR5", "PLN", [("Main modifications consulted on", 7), ("Submitted to the Planning Inspectorate", 12)]),
    ];

    /// <summary>Stroud's framework with targets for <paramref name="currentYear"/> and the year before it.</summary>
    public static Framework Create(FinancialYear currentYear)
    {
        // Audit and Standards sees the finance and collection figures, named in the indicators' Committee column.
        var (indicators, targets) = Build(Councils, Priorities, Services, Measures, currentYear,
            (m, _) => m.Service is "FIN" or "REV" ? "AS" : null);
        targets.AddRange(DemoProfiles.Collection(indicators, currentYear));
        var (actions, milestones) = DemoPlan.Build(Sdc, Priorities, Services, Plan, currentYear);
        return new Framework(Councils, Priorities, Services, indicators, targets)
        {
            Committees = Committees, CommitteeItems = Items, Actions = actions, Milestones = milestones,
        };
    }
}
