using Azure.Core;
using Microsoft.Extensions.Logging;
using Pmf.Pipeline.Loading;
using Pmf.Pipeline.Sources;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Jobs;

/// <summary>
/// Entry point for the pull timer, <c>pmf pull</c> and the demo: asks each service-system source for its
/// open periods, and passes what it gives through the same gated load as a return (<see cref="PullLoad"/>),
/// with the system as the sender. Each source runs on its own: one that fails is recorded as failed and the others go on.
/// </summary>
/// <param name="warehouse">The warehouse.</param>
/// <param name="sources">The source definitions (see <see cref="SourceSettings.Read"/>).</param>
/// <param name="secrets">Where secrets are looked up by setting name.</param>
/// <param name="http">The HTTP client for REST sources (its own timeout should be longer than any source's).</param>
/// <param name="time">The clock for "as of" and for what the warehouse records.</param>
/// <param name="logger">Where the job says what it did; never given a secret.</param>
/// <param name="resilience">Per-source pipelines; keep one for the host's life so circuit breakers remember.</param>
/// <param name="credential">The Entra credential for <c>entra</c> sources; default <c>DefaultAzureCredential</c>.</param>
public sealed partial class PullSourcesJob(
    WarehouseDatabase warehouse,
    IReadOnlyList<SourceDefinition> sources,
    SourceSecrets secrets,
    HttpClient http,
    TimeProvider time,
    ILogger<PullSourcesJob> logger,
    SourceResilience? resilience = null,
    Func<TokenCredential>? credential = null)
{
    private readonly SourceResilience _resilience = resilience ?? new SourceResilience();
    private readonly SourceConnectors _connectors = new(secrets, http, time, credential ?? RestAuthenticator.DefaultCredential);
    private readonly SourceRunLog _log = new(warehouse);

    /// <summary>
    /// The timer's entry point: with no instant, the sources whose own schedules are due; with one,
    /// every enabled source as of then (a back-fill).
    /// </summary>
    public Task<IReadOnlyList<PullOutcome>> RunAsync(DateTimeOffset? asOf, CancellationToken cancellationToken) =>
        asOf is null ? RunDueAsync(cancellationToken) : RunAsync(null, asOf, cancellationToken);

    /// <summary>Pulls every enabled source now, or only <paramref name="source"/>, as of <paramref name="asOf"/> (default now).</summary>
    /// <exception cref="ConfigurationProblemException">No source is called <paramref name="source"/>.</exception>
    public async Task<IReadOnlyList<PullOutcome>> RunAsync(string? source, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        var chosen = source is null
            ? sources.Where(s => s.Enabled).ToList()
            : [sources.FirstOrDefault(s => string.Equals(s.Name, source, StringComparison.OrdinalIgnoreCase))
               ?? throw new ConfigurationProblemException($"No source is called '{source}'; the sources are: {Names()}.")];
        var outcomes = new List<PullOutcome>();
        foreach (var definition in chosen)
        {
            outcomes.Add(await PullAsync(definition, asOf ?? time.GetUtcNow(), cancellationToken));
        }

        return outcomes;
    }

    /// <summary>For the timer: pulls each enabled source whose schedule has come round since its last run (a source never run is due).</summary>
    public async Task<IReadOnlyList<PullOutcome>> RunDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var outcomes = new List<PullOutcome>();
        foreach (var definition in sources.Where(s => s.Enabled))
        {
            if (await _log.IsDueAsync(definition, now, cancellationToken))
            {
                outcomes.Add(await PullAsync(definition, now, cancellationToken));
            }
        }

        return outcomes;
    }

    /// <summary>Pulls one source (Sources), gates and loads what it gave (Loading), and records the run (Sources).</summary>
    private async Task<PullOutcome> PullAsync(SourceDefinition source, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var pull = new SourcePull(source, asOf, time.GetUtcNow());
        try
        {
            await pull.FetchAsync(_connectors, _resilience, _log, cancellationToken);
            if (pull.Records.Count > 0)
            {
                await new PullLoad(warehouse, time).LoadAsync(pull, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            pull.Failed(e);
        }

        var run = pull.Run(time.GetUtcNow());
        var id = await _log.RecordAsync(run, pull.NextWatermark, cancellationToken);
        if (run.Outcome == SourceRunOutcome.Failed)
        {
            LogFailed(logger, source.Name, run.Attempts, run.Message);
        }
        else
        {
            LogPulled(logger, source.Name, run.Outcome, run.RecordsRead, run.SubmissionId, run.Requests, run.Attempts);
        }

        return new PullOutcome(run, id, pull.Load);
    }

    private string Names() => sources.Count == 0 ? $"none (define them under {SourceSettings.Section})" : string.Join(", ", sources.Select(s => s.Name));

    [LoggerMessage(Level = LogLevel.Information, Message = "Source {Source}: {Outcome}, {Records} records, submission {SubmissionId}, {Requests} requests in {Attempts} attempts")]
    private static partial void LogPulled(ILogger logger, string source, SourceRunOutcome outcome, int records, long? submissionId, int requests, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Source {Source} failed after {Attempts} attempts: {Message}")]
    private static partial void LogFailed(ILogger logger, string source, int attempts, string? message);
}
