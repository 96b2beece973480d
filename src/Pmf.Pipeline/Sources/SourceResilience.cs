using System.Collections.Concurrent;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace Pmf.Pipeline.Sources;

/// <summary>
/// Keeps one resilience pipeline per source, so each source's circuit breaker remembers its failures
/// across runs for as long as the host lives (the CLI for one run; <c>pmf serve</c> and Functions longer).
/// </summary>
/// <param name="time">The clock the pipelines wait on (real time in production; tests may pass a fake).</param>
public sealed class SourceResilience(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (SourceResilienceOptions Options, ResiliencePipeline Pipeline)> _pipelines = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Pipelines on real time.</summary>
    public SourceResilience()
        : this(TimeProvider.System)
    {
    }

    /// <summary>A fresh call counter over <paramref name="source"/>'s pipeline (built on first use, rebuilt when its options change).</summary>
    public SourceCall For(SourceDefinition source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var entry = _pipelines.AddOrUpdate(
            source.Name,
            _ => (source.Resilience, Build(source.Resilience)),
            (_, existing) => SameOptions(existing.Options, source.Resilience) ? existing : (source.Resilience, Build(source.Resilience)));
        return new SourceCall(entry.Pipeline);
    }

    private ResiliencePipeline Build(SourceResilienceOptions options)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.Retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = SourceTransience.Predicate(),
                MaxRetryAttempts = options.Retries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                // The source's own Retry-After wins over the back-off (the connector already refused one too long to honour).
                DelayGenerator = static args => ValueTask.FromResult(
                    args.Outcome.Exception is TransientSourceException { RetryAfter: { } after } ? (TimeSpan?)after : null),
            });
        }

        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = SourceTransience.Predicate(),
                FailureRatio = 1.0,
                MinimumThroughput = options.BreakAfter,
                SamplingDuration = options.BreakSampling,
                BreakDuration = options.BreakDuration,
            })
            .AddTimeout(options.Timeout)
            .Build();
    }

    private static bool SameOptions(SourceResilienceOptions a, SourceResilienceOptions b) =>
        a.Timeout == b.Timeout && a.Retries == b.Retries && a.RetryDelay == b.RetryDelay && a.MaxRetryAfter == b.MaxRetryAfter
        && a.BreakAfter == b.BreakAfter && a.BreakSampling == b.BreakSampling && a.BreakDuration == b.BreakDuration;
}
