using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Pmf.Pipeline.Hosting;
using Pmf.Pipeline.Jobs;

namespace Pmf.Functions;

/// <summary>A return dropped at <c>returns/{service}/{name}</c>: Event Grid tells us at once (the only blob trigger Flex Consumption runs).</summary>
public sealed class IngestReturn(IngestReturnJob job)
{
    [Function(FunctionBindings.IngestReturn)]
    public async Task RunAsync(
        [BlobTrigger(FunctionBindings.ReturnsPath, Source = BlobTriggerSource.EventGrid, Connection = FunctionBindings.StorageConnection)] BlobClient blob,
        CancellationToken cancellationToken)
    {
        await job.RunAsync(blob.Name, cancellationToken);
    }
}
