using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Cli.Serve;

/// <summary>
/// The one background service of <c>pmf serve</c>: on start it takes the warehouse's lock and brings
/// the schema up to date (either failing stops the start); then it watches returns/ and runs the
/// schedules until the host stops. Stopping cancels the file in hand: its transaction rolls back and
/// the file, still in returns/, is read again on the next start.
/// </summary>
public sealed partial class ServeWorker(
    WarehouseOptions warehouseOptions,
    WarehouseDatabase warehouse,
    ReturnWatcher watcher,
    ScheduleRunner schedules,
    IReturnStore store,
    ILogger<ServeWorker> logger) : BackgroundService
{
    private ServeLock? _lock;

    /// <inheritdoc />
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _lock = await ServeLock.AcquireAsync(warehouseOptions, warehouse, cancellationToken);
        try
        {
            await warehouse.MigrateAsync(cancellationToken);
            if (store is LocalFolderReturnStore local)
            {
                var made = await ServiceFolders.EnsureAsync(local.Root, warehouse, cancellationToken);
                LogFolders(logger, made, Path.Combine(local.Root, StorageContainers.Returns));
            }
        }
        catch
        {
            await _lock.DisposeAsync();
            _lock = null;
            throw;
        }

        LogStarted(logger, warehouse.Location, _lock.Description);
        await base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await base.StopAsync(cancellationToken);
        }
        finally
        {
            if (_lock is not null)
            {
                await _lock.DisposeAsync();
                _lock = null;
            }

            LogStopped(logger, warehouse.Location);
        }
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(watcher.RunAsync(stoppingToken), schedules.RunAsync(stoppingToken));

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving the warehouse at {Warehouse} (holding {Lock})")]
    private static partial void LogStarted(ILogger logger, string warehouse, string @lock);

    [LoggerMessage(Level = LogLevel.Information, Message = "Made {Count} service folder(s) to drop returns into under {Returns}")]
    private static partial void LogFolders(ILogger logger, int count, string returns);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped serving the warehouse at {Warehouse}")]
    private static partial void LogStopped(ILogger logger, string warehouse);
}
