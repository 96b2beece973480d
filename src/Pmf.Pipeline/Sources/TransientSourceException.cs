namespace Pmf.Pipeline.Sources;

/// <summary>A source said "not now" (408, 429, 5xx): worth retrying, after <see cref="RetryAfter"/> when it said how long.</summary>
public sealed class TransientSourceException : Exception
{
    /// <summary>A transient failure explained by <paramref name="message"/>.</summary>
    public TransientSourceException(string message, TimeSpan? retryAfter = null)
        : base(message)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>A transient failure with no explanation.</summary>
    public TransientSourceException()
    {
    }

    /// <summary>A transient failure explained by <paramref name="message"/>, caused by <paramref name="innerException"/>.</summary>
    public TransientSourceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>How long the source asked us to wait (its <c>Retry-After</c>), if it said.</summary>
    public TimeSpan? RetryAfter { get; }
}
