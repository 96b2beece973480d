using Cronos;

namespace Pmf.Pipeline.Hosting;

/// <summary>A job run on a six-field NCRONTAB schedule in UTC, handed the instant it was due as its "as of".</summary>
public sealed record ScheduledJob
{
    /// <summary>Creates the job; throws <see cref="ConfigurationProblemException"/> when the schedule does not parse.</summary>
    public ScheduledJob(string name, string schedule, Func<DateTimeOffset, CancellationToken, Task> run)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(run);
        Name = name;
        Schedule = schedule;
        Expression = Parse(name, schedule);
        Run = run;
    }

    /// <summary>The job's name, as the Functions app names it.</summary>
    public string Name { get; }

    /// <summary>The schedule as written.</summary>
    public string Schedule { get; }

    /// <summary>The parsed schedule.</summary>
    public CronExpression Expression { get; }

    /// <summary>Runs the job as of the instant it was due.</summary>
    public Func<DateTimeOffset, CancellationToken, Task> Run { get; }

    /// <summary>Parses a six-field NCRONTAB (with seconds), as Functions timers take it.</summary>
    public static CronExpression Parse(string name, string? schedule)
    {
        try
        {
            return CronExpression.Parse(schedule ?? "", CronFormat.IncludeSeconds);
        }
        catch (CronFormatException e)
        {
            throw new ConfigurationProblemException(
                $"The schedule for {name} is '{schedule}', which is not a six-field NCRONTAB (second minute hour day month weekday, e.g. '0 30 5 * * *'): {e.Message}", e);
        }
    }

    /// <summary>The next time the job is due after <paramref name="after"/>, in UTC like a Functions timer.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after) => Expression.GetNextOccurrence(after, TimeZoneInfo.Utc);
}
