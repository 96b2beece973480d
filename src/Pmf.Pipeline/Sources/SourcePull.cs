using System.Globalization;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Sources;

/// <summary>
/// One source's pull as it goes: the open periods asked for, the records fetched, and how it ended
/// (nothing to ask for, unchanged, loaded, rejected or failed); it becomes the <c>source_run</c> row.
/// </summary>
/// <param name="source">The source pulled.</param>
/// <param name="asOf">The instant the pull is as of.</param>
/// <param name="started">When it started.</param>
internal sealed class SourcePull(SourceDefinition source, DateTimeOffset asOf, DateTimeOffset started)
{
    private Func<IEnumerable<string>> _secrets = () => [];
    private SourceCall? _call;
    private bool _frequencies;
    private DateOnly? _finalThrough;
    private IReadOnlyList<Period> _periods = [];
    private SourceRunOutcome _outcome = SourceRunOutcome.Failed;
    private string? _message;
    private long? _unchangedFrom;

    public SourceDefinition Source => source;

    public DateTimeOffset AsOf => asOf;

    public DateTimeOffset Started => started;

    public List<SourceRecord> Records { get; } = [];

    /// <summary>The submission the records were loaded as; null when nothing was loaded.</summary>
    public SubmissionLoadSummary? Load { get; private set; }

    /// <summary>Asks the source for every open period (those after its watermark that the catalogue's indicators need).</summary>
    /// <exception cref="ConfigurationProblemException">The source is defined wrongly, or no indicator names it.</exception>
    public async Task FetchAsync(SourceConnectors connectors, SourceResilience resilience, SourceRunLog log, CancellationToken cancellationToken)
    {
        var problems = SourceDefinitionCheck.Problems(source);
        if (problems.Count > 0)
        {
            throw new ConfigurationProblemException(string.Join(" ", problems));
        }

        var (connector, secretsOf) = connectors.For(source);
        _secrets = secretsOf;
        _call = resilience.For(source);
        var frequencies = await log.FrequenciesAsync(source.Name, cancellationToken);
        if (frequencies.Count == 0)
        {
            throw new ConfigurationProblemException($"No current indicator in the catalogue gives '{source.Name}' as its Source, so there is nothing to pull; check the catalogue's Source column.");
        }

        _frequencies = true;
        _finalThrough = await log.WatermarkAsync(source.Name, cancellationToken);
        _periods = OpenPeriods.For(source, frequencies, UkClock.DateAt(asOf), _finalThrough);
        foreach (var window in OpenPeriods.Windows(source, _periods))
        {
            Records.AddRange(await connector.FetchAsync(window, Records.Count + 1, _call, cancellationToken));
        }

        if (Records.Count == 0)
        {
            _outcome = SourceRunOutcome.Empty;
            _message = _periods.Count == 0
                ? $"Every period is final (watermark {_finalThrough:yyyy-MM-dd}); there was nothing to ask for."
                : $"Source '{source.Name}' gave no records for {_periods[0].Key} to {_periods[^1].Key}.";
        }
    }

    /// <summary>The system said exactly what it said before (submission <paramref name="submissionId"/>): the run is recorded, not another submission.</summary>
    public void Unchanged(long submissionId) => (_outcome, _unchangedFrom) = (SourceRunOutcome.Unchanged, submissionId);

    /// <summary>The records went through the gate and were loaded as <paramref name="load"/>; <paramref name="drift"/> rejected them whole.</summary>
    public void Loaded(SubmissionLoadSummary load, QualityIssue? drift)
    {
        Load = load;
        _outcome = load.Verdict switch
        {
            SubmissionVerdict.Accepted => SourceRunOutcome.Loaded,
            SubmissionVerdict.AcceptedWithWarnings => SourceRunOutcome.LoadedWithWarnings,
            SubmissionVerdict.Duplicate => SourceRunOutcome.Unchanged,
            _ => SourceRunOutcome.Rejected,
        };
        _message = _outcome == SourceRunOutcome.Rejected
            ? drift?.Message ?? string.Create(CultureInfo.InvariantCulture, $"No record from '{source.Name}' passed the quality gate; see the issues of submission {load.SubmissionId}.")
            : null;
    }

    /// <summary>The pull failed with <paramref name="error"/>.</summary>
    public void Failed(Exception error) =>
        (_outcome, _message) = (SourceRunOutcome.Failed, SourceFailureText.Describe(source, error, _call?.Attempts ?? 0));

    /// <summary>The watermark to keep after this run: moved on only when it succeeded and knew what to ask for.</summary>
    public DateOnly? NextWatermark =>
        (_outcome is SourceRunOutcome.Loaded or SourceRunOutcome.LoadedWithWarnings or SourceRunOutcome.Unchanged or SourceRunOutcome.Empty) && _frequencies
            ? OpenPeriods.NextWatermark(source, UkClock.DateAt(asOf), _finalThrough)
            : null;

    /// <summary>The run as the warehouse records it, with no secret in its message.</summary>
    public SourceRun Run(DateTimeOffset finished) => new()
    {
        SourceName = source.Name,
        SourceKind = source.Kind.ToLowerInvariant(),
        AsOf = asOf,
        StartedAt = started,
        FinishedAt = finished,
        Outcome = _outcome,
        PeriodsFrom = _periods.Count > 0 ? _periods[0].Key : null,
        PeriodsTo = _periods.Count > 0 ? _periods[^1].Key : null,
        Requests = _call?.Requests ?? 0,
        Attempts = _call?.Attempts ?? 0,
        RecordsRead = Records.Count,
        SubmissionId = Load?.DuplicateOfSubmissionId ?? Load?.SubmissionId ?? _unchangedFrom,
        Message = SourceFailureText.Scrub(_message, _secrets()),
    };
}
