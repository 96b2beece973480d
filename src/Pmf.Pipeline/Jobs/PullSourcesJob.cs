using System.Globalization;
using Azure.Core;
using Microsoft.Extensions.Logging;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Returns;
using Pmf.Pipeline.Sources;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Jobs;

/// <summary>
/// Entry point for the pull timer, <c>pmf pull</c> and the demo: asks each service-system source for its
/// open periods, and passes what it gives through the same gate and load as a return, with the system as
/// the sender. Each source runs on its own: one that fails is recorded as failed and the others go on.
/// </summary>
public sealed partial class PullSourcesJob
{
    /// <summary>How often the host's timer wakes the job (six-field NCRONTAB); each source's own schedule decides whether it is due.</summary>
    public const string TimerSchedule = "0 */5 * * * *";

    private readonly WarehouseDatabase _warehouse;
    private readonly IReadOnlyList<SourceDefinition> _sources;
    private readonly TimeProvider _time;
    private readonly ILogger<PullSourcesJob> _logger;
    private readonly SourceResilience _resilience;
    private readonly SourceConnectors _connectors;
    private readonly SourceRunLog _log;

    /// <summary>A job over <paramref name="sources"/> (see <see cref="SourceSettings.Read"/>).</summary>
    /// <param name="warehouse">The warehouse.</param>
    /// <param name="sources">The source definitions.</param>
    /// <param name="secrets">Where secrets are looked up by setting name.</param>
    /// <param name="http">The HTTP client for REST sources (its own timeout should be longer than any source's).</param>
    /// <param name="time">The clock for "as of" and for what the warehouse records.</param>
    /// <param name="logger">Where the job says what it did; never given a secret.</param>
    /// <param name="resilience">Per-source pipelines; keep one for the host's life so circuit breakers remember.</param>
    /// <param name="credential">The Entra credential for <c>entra</c> sources; default <c>DefaultAzureCredential</c>.</param>
    public PullSourcesJob(
        WarehouseDatabase warehouse,
        IReadOnlyList<SourceDefinition> sources,
        SourceSecrets secrets,
        HttpClient http,
        TimeProvider time,
        ILogger<PullSourcesJob> logger,
        SourceResilience? resilience = null,
        Func<TokenCredential>? credential = null)
    {
        _warehouse = warehouse;
        _sources = sources;
        _time = time;
        _logger = logger;
        _resilience = resilience ?? new SourceResilience();
        // One credential for the job's life: DefaultAzureCredential is costly to build and caches tokens itself.
        var entra = new Lazy<TokenCredential>(credential ?? RestAuthenticator.DefaultCredential);
        _connectors = new SourceConnectors(secrets, http, time, () => entra.Value);
        _log = new SourceRunLog(warehouse);
    }

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
            ? _sources.Where(s => s.Enabled).ToList()
            : [_sources.FirstOrDefault(s => string.Equals(s.Name, source, StringComparison.OrdinalIgnoreCase))
               ?? throw new ConfigurationProblemException($"No source is called '{source}'; the sources are: {Names()}.")];
        var outcomes = new List<PullOutcome>();
        foreach (var definition in chosen)
        {
            outcomes.Add(await PullAsync(definition, asOf ?? _time.GetUtcNow(), cancellationToken));
        }

        return outcomes;
    }

    /// <summary>For the timer: pulls each enabled source whose schedule has come round since its last run (a source never run is due).</summary>
    public async Task<IReadOnlyList<PullOutcome>> RunDueAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var outcomes = new List<PullOutcome>();
        foreach (var definition in _sources.Where(s => s.Enabled))
        {
            var last = await _log.LastRunAsync(definition.Name, cancellationToken);
            var next = last is { } at ? SourceDefinitionCheck.Schedule(definition.Schedule)?.GetNextOccurrence(at, TimeZoneInfo.Utc) : now;
            if (next is { } due && due <= now)
            {
                outcomes.Add(await PullAsync(definition, now, cancellationToken));
            }
        }

        return outcomes;
    }

    private async Task<PullOutcome> PullAsync(SourceDefinition source, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var started = _time.GetUtcNow();
        var asOfDay = UkClock.DateAt(asOf);
        var pull = new PullState();
        Func<IEnumerable<string>> secrets = () => [];
        try
        {
            var problems = SourceDefinitionCheck.Problems(source);
            if (problems.Count > 0)
            {
                throw new ConfigurationProblemException(string.Join(" ", problems));
            }

            var (connector, secretsOf) = _connectors.For(source);
            secrets = secretsOf;
            var call = _resilience.For(source);
            pull.Call = call;
            await FetchAsync(source, connector, call, asOfDay, pull, cancellationToken);
            if (pull.Records.Count == 0)
            {
                pull.Outcome = SourceRunOutcome.Empty;
                pull.Message = pull.Periods.Count == 0
                    ? $"Every period is final (watermark {pull.FinalThrough:yyyy-MM-dd}); there was nothing to ask for."
                    : $"Source '{source.Name}' gave no records for {pull.Periods[0].Key} to {pull.Periods[^1].Key}.";
            }
            else
            {
                await GateAndLoadAsync(source, asOf, started, pull, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            pull.Outcome = SourceRunOutcome.Failed;
            pull.Message = SourceFailureText.Describe(source, e, pull.Call?.Attempts ?? 0);
        }

        var run = new SourceRun
        {
            SourceName = source.Name,
            SourceKind = source.Kind.ToLowerInvariant(),
            AsOf = asOf,
            StartedAt = started,
            FinishedAt = _time.GetUtcNow(),
            Outcome = pull.Outcome,
            PeriodsFrom = pull.Periods.Count > 0 ? pull.Periods[0].Key : null,
            PeriodsTo = pull.Periods.Count > 0 ? pull.Periods[^1].Key : null,
            Requests = pull.Call?.Requests ?? 0,
            Attempts = pull.Call?.Attempts ?? 0,
            RecordsRead = pull.Records.Count,
            SubmissionId = pull.Load?.DuplicateOfSubmissionId ?? pull.Load?.SubmissionId ?? pull.UnchangedFrom,
            Message = SourceFailureText.Scrub(pull.Message, secrets()),
        };
        var succeeded = pull.Outcome is SourceRunOutcome.Loaded or SourceRunOutcome.LoadedWithWarnings or SourceRunOutcome.Unchanged or SourceRunOutcome.Empty;
        var watermark = succeeded && pull.Frequencies ? OpenPeriods.NextWatermark(source, asOfDay, pull.FinalThrough) : (DateOnly?)null;
        var id = await _log.RecordAsync(run, watermark, cancellationToken);
        if (pull.Outcome == SourceRunOutcome.Failed)
        {
            LogFailed(_logger, source.Name, run.Attempts, run.Message);
        }
        else
        {
            LogPulled(_logger, source.Name, run.Outcome, run.RecordsRead, run.SubmissionId, run.Requests, run.Attempts);
        }

        return new PullOutcome(run, id, pull.Load);
    }

    private async Task FetchAsync(SourceDefinition source, ISourceConnector connector, SourceCall call, DateOnly asOfDay, PullState pull, CancellationToken cancellationToken)
    {
        var frequencies = await _log.FrequenciesAsync(source.Name, cancellationToken);
        if (frequencies.Count == 0)
        {
            throw new ConfigurationProblemException($"No current indicator in the catalogue gives '{source.Name}' as its Source, so there is nothing to pull; check the catalogue's Source column.");
        }

        pull.Frequencies = true;
        pull.FinalThrough = await _log.WatermarkAsync(source.Name, cancellationToken);
        pull.Periods = OpenPeriods.For(source, frequencies, asOfDay, pull.FinalThrough);
        foreach (var window in OpenPeriods.Windows(source, pull.Periods))
        {
            pull.Records.AddRange(await connector.FetchAsync(window, pull.Records.Count + 1, call, cancellationToken));
        }
    }

    private async Task GateAndLoadAsync(SourceDefinition source, DateTimeOffset asOf, DateTimeOffset started, PullState pull, CancellationToken cancellationToken)
    {
        var drift = SourceRows.Drift(source, pull.Records);
        var rows = SourceRows.Map(source, pull.Records);
        var hash = SourceRows.ContentHash(source, rows);
        var loader = new SubmissionLoader(_warehouse, _time);
        if (drift is null && await loader.FindDuplicateAsync(hash, cancellationToken) is { } same)
        {
            // The system said exactly what it said before: record the run, not another submission.
            pull.Outcome = SourceRunOutcome.Unchanged;
            pull.UnchangedFrom = same.SubmissionId;
            return;
        }

        var incoming = new IncomingSubmission
        {
            ContentHash = hash,
            SourceKind = SubmissionSourceKind.Pull,
            ServiceCode = null,
            SourceName = source.Name,
            FileName = string.Create(CultureInfo.InvariantCulture, $"{source.Name} pull {asOf.UtcDateTime:yyyy-MM-dd HH:mm}Z"),
            Sender = source.Name,
            ReceivedAt = started,
        };
        pull.Load = await LoadAsync(incoming, rows, drift, UkClock.DateAt(asOf), loader, cancellationToken);
        pull.Outcome = pull.Load.Verdict switch
        {
            SubmissionVerdict.Accepted => SourceRunOutcome.Loaded,
            SubmissionVerdict.AcceptedWithWarnings => SourceRunOutcome.LoadedWithWarnings,
            SubmissionVerdict.Duplicate => SourceRunOutcome.Unchanged,
            _ => SourceRunOutcome.Rejected,
        };
        pull.Message = pull.Outcome == SourceRunOutcome.Rejected
            ? drift?.Message ?? string.Create(CultureInfo.InvariantCulture, $"No record from '{source.Name}' passed the quality gate; see the issues of submission {pull.Load.SubmissionId}.")
            : null;
    }

    // The same steps as a return's (IngestReturnJob): gate row by row, load in one transaction, withdraw, complete.
    private async Task<SubmissionLoadSummary> LoadAsync(
        IncomingSubmission incoming, IReadOnlyList<ReturnRow> rows, QualityIssue? drift, DateOnly asOf, SubmissionLoader loader, CancellationToken cancellationToken)
    {
        await using var load = await loader.BeginAsync(incoming, cancellationToken);
        if (load.DuplicateOf is not null)
        {
            return await load.CompleteAsync(new SubmissionOutcome(SubmissionVerdict.Duplicate, 0), cancellationToken);
        }

        var context = await new GateContextQuery(_warehouse).BuildAsync(null, asOf, cancellationToken);
        var gate = new QualityGate(context);
        if (drift is not null)
        {
            gate.AddFileIssue(drift);
        }
        else
        {
            foreach (var row in gate.Check(rows))
            {
                if (row.Result is { } result)
                {
                    await load.AddResultAsync(result, cancellationToken);
                }

                foreach (var issue in row.Issues)
                {
                    await load.AddIssueAsync(issue, cancellationToken);
                }
            }
        }

        var summary = gate.Complete();
        return await load.CompleteAsync(summary, "No record of the pull could be accepted; see the submission's issues.", cancellationToken);
    }

    private string Names() => _sources.Count == 0 ? $"none (define them under {SourceSettings.Section})" : string.Join(", ", _sources.Select(s => s.Name));

    [LoggerMessage(Level = LogLevel.Information, Message = "Source {Source}: {Outcome}, {Records} records, submission {SubmissionId}, {Requests} requests in {Attempts} attempts")]
    private static partial void LogPulled(ILogger logger, string source, SourceRunOutcome outcome, int records, long? submissionId, int requests, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Source {Source} failed after {Attempts} attempts: {Message}")]
    private static partial void LogFailed(ILogger logger, string source, int attempts, string? message);

    private sealed class PullState
    {
        public SourceCall? Call { get; set; }

        public bool Frequencies { get; set; }

        public DateOnly? FinalThrough { get; set; }

        public IReadOnlyList<Period> Periods { get; set; } = [];

        public List<SourceRecord> Records { get; } = [];

        public SourceRunOutcome Outcome { get; set; } = SourceRunOutcome.Failed;

        public string? Message { get; set; }

        public SubmissionLoadSummary? Load { get; set; }

        public long? UnchangedFrom { get; set; }
    }
}
