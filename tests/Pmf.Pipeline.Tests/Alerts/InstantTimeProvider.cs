using System.Collections.Concurrent;

namespace Pmf.Pipeline.Tests.Alerts;

/// <summary>
/// A clock whose waits pass at once and are remembered, so a test can see that a retry waited the
/// Retry-After it was given without waiting it. Reads "now" from <paramref name="now"/>.
/// </summary>
public sealed class InstantTimeProvider(DateTimeOffset now) : TimeProvider
{
    public ConcurrentQueue<TimeSpan> Waits { get; } = new();

    public override DateTimeOffset GetUtcNow() => now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            Waits.Enqueue(dueTime);
            dueTime = TimeSpan.Zero;
        }

        return System.CreateTimer(callback, state, dueTime, Timeout.InfiniteTimeSpan);
    }
}
