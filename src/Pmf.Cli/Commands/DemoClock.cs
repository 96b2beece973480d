namespace Pmf.Cli.Commands;

/// <summary>
/// A clock that reads <paramref name="startAt"/> when created and runs on from there at <paramref name="inner"/>'s
/// pace; timers and timestamps are <paramref name="inner"/>'s. The demo pulls its service systems on an earlier
/// morning with it, as the daily timer would have, so the pulled figures are received when they would have been.
/// </summary>
internal sealed class DemoClock(TimeProvider inner, DateTimeOffset startAt) : TimeProvider
{
    private readonly DateTimeOffset _innerStart = inner.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => startAt + (inner.GetUtcNow() - _innerStart);

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);
}
