using Microsoft.Azure.Functions.Worker;
using Pmf.Pipeline.Hosting;
using Pmf.Pipeline.Jobs;

namespace Pmf.Functions;

/// <summary>Every five minutes: the Power BI refresh that loads are waiting for (nothing when refresh is off).</summary>
public sealed class RefreshPowerBi(RefreshPowerBiJob job)
{
    [Function(FunctionBindings.RefreshPowerBi)]
    public async Task RunAsync(
        [TimerTrigger(FunctionBindings.RefreshPowerBiSchedule)] TimerInfo timer,
        CancellationToken cancellationToken)
    {
        await job.RunAsync(cancellationToken);
    }
}
