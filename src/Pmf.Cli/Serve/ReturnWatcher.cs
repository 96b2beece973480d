using System.Globalization;
using Microsoft.Extensions.Logging;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.Storage;

namespace Pmf.Cli.Serve;

/// <summary>
/// <c>pmf serve</c>'s stand-in for the returns blob trigger: looks at returns/ every
/// <see cref="ServeOptions.PollSeconds"/>, ingests each file once it has settled, and treats a file
/// whose ingest keeps throwing the way Functions treats a poison blob: after
/// <see cref="ServeOptions.MaxAttempts"/> tries it moves to rejected/ with the reason beside it.
/// </summary>
/// <remarks>
/// Tries are counted in memory per file version, so a restart gives a failing file a fresh set;
/// a file that is cancelled part-way (the host stopping) is not counted: its transaction rolled back
/// and it is read again on the next start.
/// </remarks>
public sealed partial class ReturnWatcher(
    IReturnStore store,
    Func<string, CancellationToken, Task<IngestOutcome>> ingest,
    ServeOptions options,
    TimeProvider time,
    ILogger<ReturnWatcher> logger)
{
    /// <summary>The suffix of the file that says why a return was given up on.</summary>
    public const string ReasonSuffix = ".reason.txt";

    /// <summary>The verdict recorded on a file given up on after repeated failures.</summary>
    public const string GivenUpVerdict = "failed";

    /// <summary>Stands in for the submission id of a file that never became a submission.</summary>
    public const string NoSubmission = "none";

    private readonly Dictionary<(string Name, string Version), int> _failures = [];
    private readonly HashSet<(string Name, string Version)> _leftInPlace = [];

    /// <summary>Looks at returns/ until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await PollOnceAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The store itself could not be listed (network, permissions): say so and look again.
                LogPollFailed(logger, e);
            }

            try
            {
                await Task.Delay(options.PollInterval, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One look: ingests every settled file waiting, oldest first, and returns how many were handled.</summary>
    public async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        var handled = 0;
        var settledBefore = time.GetUtcNow() - options.SettleTime;
        foreach (var file in await store.ListWaitingAsync(cancellationToken))
        {
            var key = (file.Name, file.Version);
            if (file.ReceivedAt > settledBefore || _leftInPlace.Contains(key))
            {
                continue;
            }

            if (await TryAsync(file, cancellationToken))
            {
                handled++;
            }
        }

        return handled;
    }

    private async Task<bool> TryAsync(WaitingFile file, CancellationToken cancellationToken)
    {
        var key = (file.Name, file.Version);
        try
        {
            var outcome = await ingest(file.Name, cancellationToken);
            _failures.Remove(key);
            if (outcome.MovedTo is null && !outcome.Skipped)
            {
                // An unsafe name, or a newer version arrived while reading: the file stays for an operator or the next look.
                _leftInPlace.Add(key);
            }

            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            var tries = _failures[key] = _failures.GetValueOrDefault(key) + 1;
            LogFailed(logger, e, file.Name, tries, options.MaxAttempts);
            if (tries < options.MaxAttempts)
            {
                return false;
            }

            _failures.Remove(key);
            await GiveUpAsync(file, tries, e, cancellationToken);
            return true;
        }
    }

    private async Task GiveUpAsync(WaitingFile file, int tries, Exception error, CancellationToken cancellationToken)
    {
        if (ReturnPath.Parse(file.Name).Path is not { } path)
        {
            _leftInPlace.Add((file.Name, file.Version));
            return;
        }

        var reason = string.Create(
            CultureInfo.InvariantCulture,
            $"{file.Name} could not be ingested after {tries} tries and was set aside; the pipeline's team has been told through the logs. Last error: {error.GetType().Name}: {error.Message}");
        // Only the version that kept failing is set aside: a corrected file dropped since stays to be read.
        var completion = await store.CompleteAsync(path, file.Version, ReturnDestination.Rejected, NoSubmission, GivenUpVerdict, cancellationToken);
        if (completion.MovedTo is { } moved)
        {
            await store.WriteArtefactAsync(moved.Beside(ReasonSuffix), BinaryData.FromString(reason + Environment.NewLine), "text/plain; charset=utf-8", cancellationToken);
            LogGaveUp(logger, file.Name, tries, moved.ToString());
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking at returns/ failed; trying again at the next look")]
    private static partial void LogPollFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingesting {Name} failed (try {Try} of {MaxAttempts})")]
    private static partial void LogFailed(ILogger logger, Exception error, string name, int @try, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Name} failed {Tries} times and was moved to {MovedTo} with the reason beside it")]
    private static partial void LogGaveUp(ILogger logger, string name, int tries, string movedTo);
}
