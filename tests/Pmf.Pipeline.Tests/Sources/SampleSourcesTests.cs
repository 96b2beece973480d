using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.Samples;
using Pmf.Pipeline.Sources;
using Pmf.Pipeline.Tests.Jobs;
using Pmf.Pipeline.Tests.Support;

namespace Pmf.Pipeline.Tests.Sources;

public sealed class SampleSourcesTests
{
    [Fact]
    public async Task The_demo_service_systems_feed_every_source_indicator_through_the_gate_without_errors()
    {
        await using var harness = await PullHarness.CreateAsync();
        using var folder = new TempFolder();
        await using var systems = await SampleSources.StartAsync(IngestHarness.Framework, folder.Path, new DateOnly(2026, 11, 23), CancellationToken.None);
        var job = new PullSourcesJob(harness.Ingest.Warehouse.Database, systems.Sources, systems.Secrets, harness.Http, harness.Ingest.Clock, harness.Log);

        var outcomes = await job.RunAsync(null, null, CancellationToken.None);

        Assert.Equal([SampleFramework.HousingSource, SampleFramework.RevenuesSource], outcomes.Select(o => o.Source));
        Assert.All(outcomes, o => Assert.False(o.IsProblem, o.Run.Message));
        Assert.All(outcomes, o => Assert.Equal(0, o.Load!.Errors));
        // Four housing and six revenues indicators, monthly from April 2025 to October 2026.
        Assert.Equal([76, 114], outcomes.Select(o => o.Load!.RowsLoaded));
        Assert.Equal(9, systems.HousingApi.Requests); // eight pages of ten, then the empty page that ends paging
        Assert.All(systems.Sources, s => Assert.Empty(SourceDefinitionCheck.Problems(s)));
    }
}
