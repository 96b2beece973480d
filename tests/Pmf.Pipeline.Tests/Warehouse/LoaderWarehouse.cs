using Microsoft.Extensions.Time.Testing;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Loading;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Returns;
using Pmf.Pipeline.Samples;
using Pmf.Pipeline.Scoring;
using Pmf.Pipeline.Tests.Support;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Tests.Warehouse;

/// <summary>A real SQLite warehouse holding the sample framework, a fake clock and a loader over them.</summary>
public sealed class LoaderWarehouse : IDisposable
{
    public static readonly DateTimeOffset Now = new(2025, 7, 20, 9, 0, 0, TimeSpan.Zero);

    private LoaderWarehouse(TestWarehouse warehouse)
    {
        Warehouse = warehouse;
        Loader = new SubmissionLoader(warehouse.Database, Time);
    }

    public TestWarehouse Warehouse { get; }

    public FakeTimeProvider Time { get; } = new(Now);

    public SubmissionLoader Loader { get; }

    public static async Task<LoaderWarehouse> CreateAsync(Framework? framework = null)
    {
        var warehouse = await TestWarehouse.CreateAsync();
        framework ??= SampleFramework.Create(new FinancialYear(2025));
        await using (var connection = await warehouse.OpenAsync())
        {
            await CatalogueLoader.LoadAsync(connection, framework, "catalogue.xlsx", FrameworkFingerprint.Of(framework), Now, new DateOnly(2025, 4, 1), CancellationToken.None);
        }

        return new LoaderWarehouse(warehouse);
    }

    /// <summary>
    /// Loads <paramref name="results"/> and <paramref name="issues"/> the way the gated load writes a
    /// submission (<see cref="GatedLoad"/>): begin, one result and one issue at a time, complete.
    /// The results are enumerated inside the load (a rejected submission's are counted, not written).
    /// </summary>
    public async Task<SubmissionLoadSummary> LoadAsync(
        string hash,
        IEnumerable<AcceptedResult> results,
        IEnumerable<QualityIssue>? issues = null,
        SubmissionVerdict verdict = SubmissionVerdict.Accepted,
        string fileName = "housing-q1.xlsx",
        CancellationToken cancellationToken = default)
    {
        await using var load = await Loader.BeginAsync(Incoming(hash, fileName), cancellationToken);
        var rows = 0;
        foreach (var result in results)
        {
            rows++;
            if (verdict != SubmissionVerdict.Rejected)
            {
                await load.AddResultAsync(result, cancellationToken);
            }
        }

        foreach (var issue in issues ?? [])
        {
            await load.AddIssueAsync(issue, cancellationToken);
        }

        return await load.CompleteAsync(new SubmissionOutcome(verdict, rows), cancellationToken);
    }

    /// <summary>Gates and loads <paramref name="rows"/> as a return from HOU, through the production path.</summary>
    public Task<SubmissionLoadSummary> GateAndLoadAsync(string hash, IEnumerable<ReturnRow> rows, CancellationToken cancellationToken = default) =>
        new GatedLoad(Warehouse.Database, Time).RunAsync(
            Incoming(hash),
            _ => Task.FromResult(new GateInput { ServiceCode = "HOU", AsOf = new DateOnly(2025, 7, 20), Rows = rows, NothingAccepted = "Nothing accepted." }),
            cancellationToken);

    public static IncomingSubmission Incoming(string hash, string fileName = "housing-q1.xlsx", string service = "HOU") => new()
    {
        ContentHash = hash,
        SourceKind = SubmissionSourceKind.Return,
        ServiceCode = service,
        FileName = fileName,
        BlobPath = $"returns/{service}/{fileName}",
        Sender = "priya.shah@ashbyvale-brookmere.gov.uk",
        ReceivedAt = Now.AddMinutes(-5),
    };

    public static AcceptedResult Result(string code, Period period, decimal? value, int row = 2, RagStatus rag = RagStatus.Green) => new()
    {
        IndicatorCode = code,
        Period = period,
        Value = value,
        Rag = rag,
        Target = 30m,
        Tolerance = Tolerance.Percent(10m),
        Sheet = "Return",
        Row = row,
    };

    public void Dispose() => Warehouse.Dispose();
}
