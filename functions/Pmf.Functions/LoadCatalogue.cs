using Microsoft.Azure.Functions.Worker;
using Pmf.Pipeline.Hosting;
using Pmf.Pipeline.Jobs;

namespace Pmf.Functions;

/// <summary>A catalogue workbook dropped in the catalogue container: validated whole, then loaded in one transaction.</summary>
public sealed class LoadCatalogue(LoadCatalogueJob job)
{
    [Function(FunctionBindings.LoadCatalogue)]
    public async Task RunAsync(
        [BlobTrigger(FunctionBindings.CataloguePath, Source = BlobTriggerSource.EventGrid, Connection = FunctionBindings.StorageConnection)] Stream content,
        string name,
        CancellationToken cancellationToken)
    {
        await job.RunAsync(content, name, null, cancellationToken);
    }
}
