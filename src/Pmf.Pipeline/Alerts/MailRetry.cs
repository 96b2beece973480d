using MimeKit;
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

    /// <summary>
    /// Sends <paramref name="message"/> through <paramref name="retry"/>; returns null when it went, else
    /// what went wrong in a sentence for <c>alert_log.error</c> (permanent or transient, and after how many tries).
    /// </summary>
    public static async Task<string?> TrySendAsync(
        ResiliencePipeline retry, IMailTransport transport, MimeMessage message, Action<int> retrying, CancellationToken cancellationToken)
    {
        var tries = 0;
        try
        {
            await retry.ExecuteAsync(
                async token =>
                {
                    if (++tries > 1)
                    {
                        retrying(tries);
                    }

                    await transport.SendAsync(message, token);
                },
                cancellationToken);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Describe(e, tries);
        }
    }

    private static string Describe(Exception error, int tries)
    {
        var after = tries > 1 ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" after {tries} tries") : "";
        return error is MailSendException mail
            ? $"{(mail.Transient ? "Transient" : "Permanent")} failure{after}: {mail.Message}"
            : $"{error.GetType().Name}{after}: {error.Message}";
    }
}
