using Microsoft.Extensions.Logging;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Jobs;

/// <summary>
/// Entry point: a catalogue workbook arrives (blob trigger, <c>pmf catalogue load</c>, the demo).
/// It is validated whole; only a catalogue without errors reaches the warehouse, in one transaction.
/// </summary>
public sealed partial class LoadCatalogueJob(WarehouseDatabase warehouse, TimeProvider time, ILogger<LoadCatalogueJob> logger)
{
    /// <summary>
    /// Reads, validates and loads the catalogue in <paramref name="content"/>. New indicator
    /// definitions take effect from <paramref name="effectiveFrom"/> (default: today, by the clock).
    /// </summary>
    public async Task<CatalogueLoadOutcome> RunAsync(Stream content, string fileName, DateOnly? effectiveFrom, CancellationToken cancellationToken)
    {
        var read = CatalogueReader.Read(content, fileName, cancellationToken);
        if (read.Framework is null)
        {
            LogRejected(logger, fileName, read.Problems.Count);
            return new CatalogueLoadOutcome(fileName, read.Problems, null);
        }

        var now = time.GetUtcNow();
        var effective = effectiveFrom ?? UkClock.Today(time);
        await using var connection = await warehouse.OpenAsync(cancellationToken);
        var summary = await CatalogueLoader.LoadAsync(
            connection, read.Framework, fileName, FrameworkFingerprint.Of(read.Framework), now, effective, cancellationToken);
        LogLoaded(logger, fileName, summary.Indicators, summary.IndicatorsAdded, summary.IndicatorsChanged, summary.Unchanged);
        return new CatalogueLoadOutcome(fileName, read.Problems, summary);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalogue {FileName} rejected with {ProblemCount} problems; the warehouse is unchanged")]
    private static partial void LogRejected(ILogger logger, string fileName, int problemCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalogue {FileName} loaded: {Indicators} indicators, {Added} new, {Changed} changed, unchanged={Unchanged}")]
    private static partial void LogLoaded(ILogger logger, string fileName, int indicators, int added, int changed, bool unchanged);
}
