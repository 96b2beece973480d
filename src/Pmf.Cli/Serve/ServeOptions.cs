namespace Pmf.Cli.Serve;

/// <summary>How <c>pmf serve</c> watches returns/ (section <c>Pmf:Serve</c>).</summary>
public sealed class ServeOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Pmf:Serve";

    /// <summary>Seconds between looks at returns/ (default 5).</summary>
    public double PollSeconds { get; set; } = 5;

    /// <summary>
    /// A file last written less than this many seconds ago may still be uploading and is left for
    /// the next look (default 5).
    /// </summary>
    public double SettleSeconds { get; set; } = 5;

    /// <summary>
    /// Tries before a file that keeps failing moves to rejected/ with the reason (default 3, the
    /// same as the Functions host's <c>poisonBlobThreshold</c> in host.json).
    /// </summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The interval between looks.</summary>
    public TimeSpan PollInterval => TimeSpan.FromSeconds(PollSeconds);

    /// <summary>The settling time.</summary>
    public TimeSpan SettleTime => TimeSpan.FromSeconds(SettleSeconds);

    /// <summary>The first problem with these settings as one sentence, or null when they are usable.</summary>
    public string? Validate() => (PollSeconds, SettleSeconds, MaxAttempts) switch
    {
        ( <= 0 or > 3600, _, _) => $"{Section}:PollSeconds is {PollSeconds}; set it between 0 and 3600 seconds.",
        (_, < 0 or > 3600, _) => $"{Section}:SettleSeconds is {SettleSeconds}; set it between 0 and 3600 seconds.",
        (_, _, < 1 or > 100) => $"{Section}:MaxAttempts is {MaxAttempts}; set it between 1 and 100.",
        _ => null,
    };
}
