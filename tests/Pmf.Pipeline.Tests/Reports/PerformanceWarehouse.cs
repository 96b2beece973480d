using System.Text;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.Publication;
using Pmf.Pipeline.Samples;
using Pmf.Pipeline.Tests.Jobs;

namespace Pmf.Pipeline.Tests.Reports;

/// <summary>
/// Once per collection: the sample framework with all the demo's returns ingested (two financial years,
/// a late service, a corrected resubmission, a nil return…) as of 23 November 2026, then a correction from
/// Housing whose commentary and remedial action are hostile markup, making ASH-HOU-01 Red for 2026/27 Q2.
/// </summary>
public sealed class PerformanceWarehouse : IAsyncLifetime
{
    /// <summary>The quarter the tests report: the latest ended quarter as of <see cref="IngestHarness.Now"/>.</summary>
    public const string Quarter = "2026/27 Q2";

    /// <summary>The indicator whose correction carries the hostile text.</summary>
    public const string HostileIndicator = "ASH-HOU-01";

    /// <summary>Commentary a spreadsheet would run as a formula and a browser as a script, if either were careless.</summary>
    public const string HostileCommentary = "=1+2 <script>console.error('commentary ran')</script> & \"quoted\"";

    /// <summary>A remedial action that would fetch and run code if it became markup.</summary>
    public const string HostileAction = "<img src=x onerror=\"console.error('action ran')\"> -cut costs";

    public IngestHarness Harness { get; private set; } = null!;

    public IngestOutcome HostileCorrection { get; private set; } = null!;

    public string ConnectionString => Harness.Warehouse.Options.ConnectionString;

    public async Task InitializeAsync()
    {
        Harness = await IngestHarness.CreateAsync();
        foreach (var file in SampleReturns.Create(IngestHarness.Framework, DateOnly.FromDateTime(IngestHarness.Now.UtcDateTime)))
        {
            await Harness.DropAndIngestAsync(file);
        }

        var csv = "Indicator,Period,Value,Commentary,Remedial action\r\n"
            + $"{HostileIndicator},{Quarter},10,{Quote(HostileCommentary)},{Quote(HostileAction)}\r\n";
        HostileCorrection = await Harness.DropAndIngestAsync("HOU/HOU 2026-27 Q2 correction.csv", Encoding.UTF8.GetBytes(csv));

        // The quarter goes through sign-off, so its report is final and its results are open data.
        var ledger = new PublicationLedger(Harness.Warehouse.Database, Harness.Clock);
        foreach (var council in new[] { "ASH", "BRK" })
        {
            foreach (var stage in new[] { PublicationStage.Reviewed, PublicationStage.Approved, PublicationStage.Published })
            {
                await ledger.TakeAsync(council, Period.Quarter(2026, 2), stage, "Sam Performance", "Cabinet", null, CancellationToken.None);
            }
        }
    }

    public async Task DisposeAsync() => await Harness.DisposeAsync();

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

/// <summary>The report tests share one warehouse and one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class PerformanceReportCollection : ICollectionFixture<PerformanceWarehouse>, ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Performance report";
}
