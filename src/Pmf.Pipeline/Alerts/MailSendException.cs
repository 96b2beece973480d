namespace Pmf.Pipeline.Alerts;

/// <summary>
/// A message did not go. <see cref="Transient"/> failures (SMTP 4xx, Graph 429 or 5xx, a dropped
/// connection) are worth another try in a moment; the rest (an unknown recipient, a refused login,
/// SMTP 5xx, Graph 4xx) are not. Either way the digest's items stay owed for the next sweep.
/// </summary>
public sealed class MailSendException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What the server said, in a sentence.</param>
    /// <param name="transient">Whether another try may succeed.</param>
    /// <param name="retryAfter">How long the server asked to be left alone, when it said.</param>
    /// <param name="innerException">The transport's own exception.</param>
    public MailSendException(string message, bool transient, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Transient = transient;
        RetryAfter = retryAfter;
    }

    /// <summary>Creates a permanent failure with no message (frameworks only).</summary>
    public MailSendException()
    {
    }

    /// <summary>Creates a permanent failure.</summary>
    public MailSendException(string message)
        : base(message)
    {
    }

    /// <summary>Creates a permanent failure with its cause.</summary>
    public MailSendException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Whether another try may succeed.</summary>
    public bool Transient { get; }

    /// <summary>How long the server asked the sender to wait (Graph's Retry-After), if it said.</summary>
    public TimeSpan? RetryAfter { get; }
}
