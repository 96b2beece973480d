using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Samples.Frameworks;
using Pmf.Pipeline.Tests.Jobs;

namespace Pmf.Pipeline.Tests.Actions;

/// <summary>
/// The ingest harness (<see cref="IngestHarness"/>) over South Oxfordshire and the Vale's framework, with its
/// delivery plan, catalogued from 1 April 2026: 2026/27 Q2 is the latest ended quarter.
/// Climate (CLM) delivers SOD-A01, SOD-A02 and VWH-A01; Communities (COM) delivers SOD-A03.
/// </summary>
internal static class ActionHarness
{
    public static Framework Framework { get; } = DemoFrameworks.Named("south-vale").Create(new FinancialYear(2026));

    /// <summary>Climate's quarterly qualitative indicator, reported on the Return sheet beside the actions.</summary>
    public static string ClimateIndicator { get; } = Framework.Indicators
        .First(i => i.ServiceCode == "CLM" && i.Type == IndicatorType.Qualitative && i.Frequency == Frequency.Quarterly).Code;

    /// <summary>
    /// The framework with a Democratic Services team (DEM) that reports no indicator and delivers South's
    /// live-streaming action (SOD-A04, Customer Services' in the seed): a service owing only action updates.
    /// </summary>
    public static Framework WithDemocraticServices { get; } = Framework with
    {
        Services = [.. Framework.Services, new Service("DEM", "Democratic Services", "Dana Ellis", "dana.ellis@southandvale.example.gov.uk", null, null)],
        Actions = [.. Framework.Actions.Select(a => a.Code == "SOD-A04" ? a with { ServiceCode = "DEM" } : a)],
    };

    public static Task<IngestHarness> CreateAsync(Framework? framework = null) =>
        IngestHarness.CreateAsync(framework: framework ?? Framework, catalogueFrom: new DateOnly(2026, 4, 1));
}
