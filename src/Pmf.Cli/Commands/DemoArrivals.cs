using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Samples;

namespace Pmf.Cli.Commands;

/// <summary>
/// When each demo return arrives, so the warehouse's received times tell the demo's story instead of all
/// being the day it runs: a return comes in one to four working days before its rows are due
/// (<see cref="ReturnDueDate"/>), except <see cref="LateService"/>'s latest, three working days after;
/// a second file for the same rows follows the first by a working day. Never after the demo's morning.
/// </summary>
internal sealed class DemoArrivals(Framework framework, DateTimeOffset now)
{
    /// <summary>The service whose latest quarterly return arrives after it was due (ENV's never arrives).</summary>
    public const string LateService = "ECO";

    private const int LateByWorkingDays = 3;
    private static readonly TimeOnly ArrivalTime = new(10, 30);

    private readonly Dictionary<string, Indicator> _indicators = framework.Indicators.ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Nation> _nations = framework.Councils.ToDictionary(c => c.Code, c => c.Nation, StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Service, DateOnly End), DateTimeOffset> _sent = [];

    /// <summary>When <paramref name="file"/> arrives, and whether that is after its rows were due.</summary>
    public (DateTimeOffset At, bool Late) Of(SampleReturnFile file, Period latestQuarter)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(latestQuarter);
        var periods = file.Lines.Select(l => PeriodParser.Parse(l.Period).Period).OfType<Period>().ToList();
        var end = periods.Count == 0 ? UkClock.DateAt(now) : periods.Max(p => p.End);
        var key = (file.ServiceCode, end);
        if (_sent.TryGetValue(key, out var first))
        {
            var again = Clamp(At(Calendar(file).AddWorkingDays(UkClock.DateAt(first), 1)));
            _sent[key] = again;
            return (again, false);
        }

        // Due when its last-ending rows are: the earliest of their due dates.
        var due = file.Lines
            .Where(l => PeriodParser.Parse(l.Period).Period is { } p && p.End == end && _indicators.ContainsKey(l.Indicator))
            .Select(l => _indicators[l.Indicator])
            .Select(i => ReturnDueDate.For(end, i.DueWorkingDays, WorkingDayCalendar.For(_nations.GetValueOrDefault(i.CouncilCode, Nation.England))))
            .DefaultIfEmpty(ReturnDueDate.For(end, WorkingDayCalendar.DefaultDueWorkingDays, Calendar(file)))
            .Min();
        var late = file.ServiceCode == LateService && end == latestQuarter.End;
        var day = late ? Calendar(file).AddWorkingDays(due, LateByWorkingDays) : WorkingDaysBefore(Calendar(file), due, 1 + (Stable(file.ServiceCode) % 4));
        var at = Clamp(At(day));
        _sent[key] = at;
        return (at, late && at > At(due));
    }

    private WorkingDayCalendar Calendar(SampleReturnFile file) => WorkingDayCalendar.For(
        file.Lines.Select(l => _indicators.GetValueOrDefault(l.Indicator)).OfType<Indicator>()
            .Select(i => _nations.GetValueOrDefault(i.CouncilCode, Nation.England)).FirstOrDefault());

    private static DateOnly WorkingDaysBefore(WorkingDayCalendar calendar, DateOnly day, int workingDays)
    {
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(-1);
            if (calendar.IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    private static DateTimeOffset At(DateOnly day)
    {
        var local = day.ToDateTime(ArrivalTime);
        return new DateTimeOffset(local, UkClock.Zone.GetUtcOffset(local));
    }

    /// <summary>Nothing arrives after the demo's own morning (a quarter only just ended is still being sent).</summary>
    private DateTimeOffset Clamp(DateTimeOffset at) => at < now ? at : now.AddMinutes(-30);

    private static int Stable(string text) => text.Aggregate(7, (hash, c) => unchecked((hash * 31) + c)) & int.MaxValue;
}
