using Microsoft.Azure.Functions.Worker;
using Pmf.Pipeline.Hosting;
using Pmf.Pipeline.Jobs;

namespace Pmf.Functions;

/// <summary>The daily sweep, early in the UK morning (05:30 UTC): late returns, failing indicators, data-quality flags.</summary>
public sealed class Sweep(SweepJob job)
{
    [Function(FunctionBindings.Sweep)]
    public async Task RunAsync(
        [TimerTrigger(FunctionBindings.SweepSchedule)] TimerInfo timer,
        CancellationToken cancellationToken)
    {
        await job.RunAsync(null, cancellationToken);
    }
}
