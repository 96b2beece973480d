using System.Diagnostics;

namespace Pmf.Pipeline.Tests.Hosting;

/// <summary>Waits for something a background host does, failing with a description when it does not happen in time.</summary>
public static class Eventually
{
    public static async Task<TimeSpan> WithinAsync(TimeSpan limit, Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (await condition())
            {
                return clock.Elapsed;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Within {limit.TotalSeconds:0} s: {what}");
    }
}
