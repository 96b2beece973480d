using Microsoft.Extensions.Logging;

using Pmf.Pipeline.Hosting;

namespace Pmf.Cli.Serve;

/// <summary>
/// Runs each <see cref="ScheduledJob"/> when it falls due, one run of a job at a time. A failed run
/// is logged and the job waits for its next time, as a Functions timer would; it never stops the others.
/// </summary>
public sealed partial class ScheduleRunner(IReadOnlyList<ScheduledJob> jobs, TimeProvider time, ILogger<ScheduleRunner> logger)
{
    private static readonly TimeSpan MaxStep = TimeSpan.FromDays(1);

    /// <summary>Runs every job on its schedule until <paramref name="cancellationToken"/> is cancelled.</summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(jobs.Select(job => RunJobAsync(job, cancellationToken)));

    private async Task RunJobAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            if (job.NextAfter(now) is not { } due)
            {
                return;
            }

            LogNext(logger, job.Name, due);
            try
            {
                // In steps of at most a day: Task.Delay refuses waits beyond about 49 days (a yearly schedule).
                for (var left = due - now; left > TimeSpan.Zero; left = due - time.GetUtcNow())
                {
                    await Task.Delay(left < MaxStep ? left : MaxStep, time, cancellationToken);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await job.Run(due, cancellationToken);
                LogRan(logger, job.Name, due);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(logger, e, job.Name, due);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Job} next runs at {Due:u}")]
    private static partial void LogNext(ILogger logger, string job, DateTimeOffset due);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Job} ran as of {Due:u}")]
    private static partial void LogRan(ILogger logger, string job, DateTimeOffset due);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Job} failed as of {Due:u}; it runs again at its next time")]
    private static partial void LogFailed(ILogger logger, Exception error, string job, DateTimeOffset due);
}
