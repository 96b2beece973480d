using Polly;

namespace Pmf.Pipeline.Sources;

/// <summary>
/// One source's resilience pipeline (timeout per attempt, retries with jitter honouring <c>Retry-After</c>,
/// a circuit breaker that outlives the run) with counts of what one run asked of it.
/// </summary>
public sealed class SourceCall
{
    private readonly ResiliencePipeline _pipeline;

    internal SourceCall(ResiliencePipeline pipeline) => _pipeline = pipeline;

    /// <summary>Requests made in this run (a page, a query).</summary>
    public int Requests { get; private set; }

    /// <summary>Attempts made in this run, retries included.</summary>
    public int Attempts { get; private set; }

    /// <summary>Runs one request through the pipeline; <paramref name="request"/> is called once per attempt.</summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Requests++;
        return await _pipeline.ExecuteAsync(
            async token =>
            {
                Attempts++;
                return await request(token);
            },
            cancellationToken);
    }
}
