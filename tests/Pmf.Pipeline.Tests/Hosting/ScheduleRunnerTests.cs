using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Pmf.Cli.Serve;
using Pmf.Pipeline.Hosting;

namespace Pmf.Pipeline.Tests.Hosting;

public sealed class ScheduleRunnerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 5, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_job_runs_when_it_falls_due_as_of_the_instant_it_was_due()
    {
        var clock = new FakeTimeProvider(Start);
        var ran = new List<DateTimeOffset>();
        var runner = new ScheduleRunner([new ScheduledJob("Sweep", JobSchedules.Sweep, (asOf, _) => { ran.Add(asOf); return Task.CompletedTask; })], clock, NullLogger<ScheduleRunner>.Instance);
        using var stop = new CancellationTokenSource();
        var running = runner.RunAsync(stop.Token);

        await AdvanceAsync(clock, TimeSpan.FromMinutes(29));
        Assert.Empty(ran);
        await AdvanceAsync(clock, TimeSpan.FromMinutes(1));
        await AdvanceAsync(clock, TimeSpan.FromDays(1));

        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal([Start.AddMinutes(30), Start.AddMinutes(30).AddDays(1)], ran);
    }

    [Fact]
    public async Task A_failing_run_is_logged_and_the_job_runs_again_at_its_next_time_while_others_carry_on()
    {
        var clock = new FakeTimeProvider(Start);
        var failing = 0;
        var steady = 0;
        var runner = new ScheduleRunner(
        [
            new ScheduledJob("Failing", "0 */10 * * * *", (_, _) => { failing++; throw new InvalidOperationException("source down"); }),
            new ScheduledJob("Steady", "0 */10 * * * *", (_, _) => { steady++; return Task.CompletedTask; }),
        ], clock, NullLogger<ScheduleRunner>.Instance);
        using var stop = new CancellationTokenSource();
        var running = runner.RunAsync(stop.Token);

        for (var i = 0; i < 3; i++)
        {
            await AdvanceAsync(clock, TimeSpan.FromMinutes(10));
        }

        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(3, failing);
        Assert.Equal(3, steady);
    }

    [Fact]
    public async Task A_yearly_job_waits_out_a_delay_longer_than_a_single_timer_allows()
    {
        var clock = new FakeTimeProvider(Start);
        var ran = new List<DateTimeOffset>();
        var runner = new ScheduleRunner([new ScheduledJob("Yearly", "0 0 6 1 4 *", (asOf, _) => { ran.Add(asOf); return Task.CompletedTask; })], clock, NullLogger<ScheduleRunner>.Instance);
        using var stop = new CancellationTokenSource();
        var running = runner.RunAsync(stop.Token);

        for (var day = 0; day < 130; day++)
        {
            await AdvanceAsync(clock, TimeSpan.FromDays(1), settle: 5);
        }

        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal([new DateTimeOffset(2027, 4, 1, 6, 0, 0, TimeSpan.Zero)], ran);
    }

    /// <summary>Moves the fake clock on and lets the runner's continuations catch up.</summary>
    private static async Task AdvanceAsync(FakeTimeProvider clock, TimeSpan by, int settle = 50)
    {
        await Task.Delay(settle / 2);
        clock.Advance(by);
        await Task.Delay(settle);
    }
}
