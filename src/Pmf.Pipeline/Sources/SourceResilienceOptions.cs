namespace Pmf.Pipeline.Sources;

/// <summary>How hard to try one source: per-request timeout, retries with jittered back-off, and a circuit breaker.</summary>
public sealed class SourceResilienceOptions
{
    /// <summary>How long one request (a page, or the query) may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after a transient failure (timeout, 408, 429, 5xx, a broken connection, a transient database error).</summary>
    public int Retries { get; set; } = 3;

    /// <summary>The first back-off; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest <c>Retry-After</c> honoured; a longer one fails the run rather than hold the timer.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Consecutive-ish failures (within <see cref="BreakSampling"/>) before the circuit opens.</summary>
    public int BreakAfter { get; set; } = 8;

    /// <summary>The window the circuit breaker counts failures in.</summary>
    public TimeSpan BreakSampling { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an open circuit refuses calls before letting one through.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromMinutes(5);
}
