using Polly;
using Polly.Retry;

namespace Pmf.Pipeline.Alerts;

/// <summary>
/// Tries a message again after a transient failure: after the server's Retry-After when it gave one
/// (up to <see cref="AlertOptions.MaxRetryAfter"/>; asked for longer, the digest waits for the next
/// sweep instead), else after <see cref="AlertOptions.RetryDelay"/> doubling with jitter. Permanent
/// failures are not retried. Waits run on the given <see cref="TimeProvider"/>.
/// </summary>
internal static class MailRetry
{
    public static ResiliencePipeline Build(AlertOptions options, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.Retries == 0)
        {
            return builder.Build();
        }

        var longest = options.MaxRetryAfter;
        return builder.AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<MailSendException>(e => e.Transient && (e.RetryAfter is null || e.RetryAfter <= longest)),
            MaxRetryAttempts = options.Retries,
            Delay = options.RetryDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            DelayGenerator = static args => ValueTask.FromResult(
                args.Outcome.Exception is MailSendException { RetryAfter: { } after } ? (TimeSpan?)after : null),
        }).Build();
    }
}
