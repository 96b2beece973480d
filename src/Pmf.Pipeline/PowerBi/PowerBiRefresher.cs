using Azure.Identity;
using Microsoft.Extensions.Logging;

namespace Pmf.Pipeline.PowerBi;

/// <summary>
/// Refresh after load: however many loads happen, at most one refresh is requested per
/// <see cref="PowerBiRefreshOptions.MinimumInterval"/>. A load marks the model stale; the refresh is
/// requested at once when the interval allows, else later by <see cref="TickAsync"/> (call it from a
/// timer, e.g. every minute). Throttling (429), a refresh already running and failures keep the model
/// stale and set when to try again; nothing here ever fails a load.
/// </summary>
/// <remarks>One instance per process (a singleton): it holds the state in memory.</remarks>
public sealed partial class PowerBiRefresher
{
    private readonly PowerBiRefreshClient _client;
    private readonly PowerBiRefreshOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<PowerBiRefresher> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _stale;
    private DateTimeOffset _notBefore = DateTimeOffset.MinValue;
    private int _failures;

    /// <summary>Creates the refresher.</summary>
    public PowerBiRefresher(PowerBiRefreshClient client, PowerBiRefreshOptions options, TimeProvider time, ILogger<PowerBiRefresher> logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _client = client;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// The production refresher: <see cref="DefaultAzureCredential"/> (managed identity in Azure, the
    /// developer's sign-in locally) and the caller's <see cref="HttpClient"/>; <see langword="null"/> when
    /// <paramref name="options"/> leave refresh off.
    /// </summary>
    /// <param name="options">Validated settings from <see cref="PowerBiRefreshOptions.Section"/>.</param>
    /// <param name="http">A long-lived client (one per process).</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">Where outcomes are logged.</param>
    /// <returns>The refresher, or <see langword="null"/> when not configured.</returns>
    /// <exception cref="ConfigurationProblemException">The settings are half set or invalid.</exception>
    public static PowerBiRefresher? Create(PowerBiRefreshOptions options, HttpClient http, TimeProvider time, ILogger<PowerBiRefresher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { } problem)
        {
            throw new ConfigurationProblemException(problem);
        }

        return options.Enabled
            ? new PowerBiRefresher(new PowerBiRefreshClient(http, new DefaultAzureCredential(), options, time), options, time, logger)
            : null;
    }

    /// <summary>When the next request may be sent, if the model is stale.</summary>
    public DateTimeOffset NotBefore => _notBefore;

    /// <summary>Whether loaded data is waiting for a refresh.</summary>
    public bool IsStale => _stale;

    /// <summary>Call after every successful load: marks the model stale and refreshes if the interval allows.</summary>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>What happened; never throws but for cancellation.</returns>
    public Task<RefreshOutcome> AfterLoadAsync(CancellationToken cancellationToken)
    {
        _stale = true;
        return TickAsync(cancellationToken);
    }

    /// <summary>Call from a timer: requests the refresh a load is waiting for, once its time has come.</summary>
    /// <param name="cancellationToken">Stops the request.</param>
    /// <returns>What happened; never throws but for cancellation.</returns>
    public async Task<RefreshOutcome> TickAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = _time.GetUtcNow();
            if (!_stale)
            {
                return new RefreshOutcome(RefreshStep.NothingToRefresh, null, _notBefore);
            }

            if (now < _notBefore)
            {
                return new RefreshOutcome(RefreshStep.Waiting, null, _notBefore);
            }

            var answer = await _client.RequestAsync(cancellationToken);
            switch (answer.Kind)
            {
                case RefreshAnswerKind.Started:
                    _stale = false;
                    _failures = 0;
                    _notBefore = now + _options.MinimumInterval;
                    Started(_options.DatasetId);
                    return new RefreshOutcome(RefreshStep.Requested, answer, _notBefore);
                case RefreshAnswerKind.Throttled:
                    _notBefore = now + (answer.RetryAfter is { } wait && wait > TimeSpan.Zero ? wait : _options.MinimumInterval);
                    Throttled(_options.DatasetId, _notBefore);
                    return new RefreshOutcome(RefreshStep.Retrying, answer, _notBefore);
                case RefreshAnswerKind.AlreadyRunning:
                    // The running refresh may have begun before this load committed, so another is still owed.
                    _notBefore = now + _options.MinimumInterval;
                    AlreadyRunning(_options.DatasetId, _notBefore);
                    return new RefreshOutcome(RefreshStep.Retrying, answer, _notBefore);
                default:
                    _failures++;
                    var backoff = TimeSpan.FromTicks(Math.Min(_options.MinimumInterval.Ticks, _options.RetryAfterFailure.Ticks << Math.Min(_failures - 1, 20)));
                    _notBefore = now + backoff;
                    Failed(_options.DatasetId, answer.Status, answer.Detail, _notBefore);
                    return new RefreshOutcome(RefreshStep.Retrying, answer, _notBefore);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Power BI refresh of dataset {DatasetId} requested")]
    private partial void Started(string? datasetId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Power BI throttled the refresh of dataset {DatasetId}; trying again at {NotBefore}")]
    private partial void Throttled(string? datasetId, DateTimeOffset notBefore);

    [LoggerMessage(Level = LogLevel.Information, Message = "A refresh of Power BI dataset {DatasetId} is already running; another is requested at {NotBefore} for the data loaded since")]
    private partial void AlreadyRunning(string? datasetId, DateTimeOffset notBefore);

    [LoggerMessage(Level = LogLevel.Error, Message = "Power BI refresh of dataset {DatasetId} failed (status {Status}): {Detail}; trying again at {NotBefore}; the load itself stands")]
    private partial void Failed(string? datasetId, int? status, string? detail, DateTimeOffset notBefore);
}
