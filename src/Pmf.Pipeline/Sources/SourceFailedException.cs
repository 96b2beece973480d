namespace Pmf.Pipeline.Sources;

/// <summary>A source answered, but not with data: an HTTP error status, malformed JSON, a paging loop. Not retried.</summary>
public sealed class SourceFailedException : Exception
{
    /// <summary>A failure explained by <paramref name="message"/>.</summary>
    public SourceFailedException(string message)
        : base(message)
    {
    }

    /// <summary>A failure explained by <paramref name="message"/>, caused by <paramref name="innerException"/>.</summary>
    public SourceFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A failure with no explanation.</summary>
    public SourceFailedException()
    {
    }
}
