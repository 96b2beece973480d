using Azure.Core;
using Azure.Core.Pipeline;

namespace Pmf.Pipeline.Tests.Storage;

/// <summary>Runs a step just before matching requests leave the client: how a test stages a race with another writer.</summary>
public sealed class BeforeSendPolicy(Func<HttpMessage, bool> matches, Func<Task> step) : HttpPipelinePolicy
{
    private int _fired;

    public bool Fired => _fired == 1;

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (matches(message) && Interlocked.Exchange(ref _fired, 1) == 0)
        {
            await step();
        }

        await ProcessNextAsync(message, pipeline);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();
}
