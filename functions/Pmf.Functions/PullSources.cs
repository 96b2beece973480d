using Microsoft.Azure.Functions.Worker;
using Pmf.Pipeline.Hosting;
using Pmf.Pipeline.Jobs;

namespace Pmf.Functions;

/// <summary>Pulls KPIs from service systems on the schedule in the <c>PmfPullSourcesSchedule</c> app setting.</summary>
public sealed class PullSources(PullSourcesJob job)
{
    [Function(FunctionBindings.PullSources)]
    public async Task RunAsync(
        [TimerTrigger(FunctionBindings.PullSourcesSchedule)] TimerInfo timer,
        CancellationToken cancellationToken)
    {
        await job.RunAsync(null, cancellationToken);
    }
}
