namespace Pmf.Pipeline.Sources;

/// <summary>Talks to one kind of service system: REST or SQL.</summary>
public interface ISourceConnector
{
    /// <summary>
    /// Fetches the records for <paramref name="window"/>. Each call the connector makes goes through
    /// <paramref name="resilience"/> (timeout, retries, circuit breaker). Records are numbered on from
    /// <paramref name="firstNumber"/>.
    /// </summary>
    /// <exception cref="SourceFailedException">The source answered with something that is not data (malformed JSON, an HTTP error).</exception>
    Task<IReadOnlyList<SourceRecord>> FetchAsync(SourceWindow window, int firstNumber, SourceCall resilience, CancellationToken cancellationToken);
}
