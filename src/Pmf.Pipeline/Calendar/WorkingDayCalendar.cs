using System.Collections.Concurrent;

namespace Pmf.Pipeline.Calendar;

/// <summary>
/// Working days in one UK nation: Monday to Friday except its bank holidays, substitute days and
/// one-off holidays (the official GOV.UK list for 2012 to 2027, the rules outside it). Answers what
/// due dates, lateness and a date dimension need. Thread-safe.
/// </summary>
public sealed class WorkingDayCalendar
{
    /// <summary>The working days after a period ends by which its return is due, unless the indicator says otherwise.</summary>
    public const int DefaultDueWorkingDays = 10;

    private readonly ConcurrentDictionary<int, IReadOnlyList<BankHoliday>> _years = new();

    private WorkingDayCalendar(Nation nation)
    {
        Nation = nation;
    }

    /// <summary>The England and Wales calendar, from 1978 (when the Early May bank holiday began).</summary>
    public static WorkingDayCalendar EnglandAndWales { get; } = new(Nation.England);

    /// <summary>The Scotland calendar.</summary>
    public static WorkingDayCalendar Scotland { get; } = new(Nation.Scotland);

    /// <summary>The Northern Ireland calendar.</summary>
    public static WorkingDayCalendar NorthernIreland { get; } = new(Nation.NorthernIreland);

    /// <summary>The first calendar year this calendar knows.</summary>
    public static int FirstYear => BankHolidayRules.FirstYear;

    /// <summary>The nation whose bank holidays this calendar skips (England for England and Wales).</summary>
    public Nation Nation { get; }

    /// <summary>The calendar of <paramref name="nation"/>: England and Wales share one.</summary>
    public static WorkingDayCalendar For(Nation nation) => nation switch
    {
        Nation.Scotland => Scotland,
        Nation.NorthernIreland => NorthernIreland,
        _ => EnglandAndWales,
    };

    /// <summary>
    /// The bank holidays taken in calendar <paramref name="year"/>, in date order, with their names: the
    /// official list for 2012 to 2027, the rules before and after.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is before <see cref="FirstYear"/>.</exception>
    public IReadOnlyList<BankHoliday> HolidaysIn(int year) => _years.GetOrAdd(year, y =>
        OfficialBankHolidays.Covers(y) ? OfficialBankHolidays.In(Nation, y) : BankHolidayRules.In(Nation, y));

    /// <summary>The holiday taken on <paramref name="date"/>, or null when it is not a bank holiday.</summary>
    public BankHoliday? HolidayOn(DateOnly date)
    {
        foreach (var holiday in HolidaysIn(date.Year))
        {
            if (holiday.Date == date)
            {
                return holiday;
            }
        }

        return null;
    }

    /// <summary>The name of the holiday taken on <paramref name="date"/>, or null when it is not a bank holiday.</summary>
    public string? HolidayName(DateOnly date) => HolidayOn(date)?.Name;

    /// <summary>True when <paramref name="date"/> is a bank holiday (including a substitute or one-off day).</summary>
    public bool IsBankHoliday(DateOnly date) => HolidayOn(date) is not null;

    /// <summary>True when <paramref name="date"/> is a Saturday or Sunday.</summary>
    public static bool IsWeekend(DateOnly date) => BankHolidayRules.IsWeekend(date);

    /// <summary>True when <paramref name="date"/> is neither a weekend nor a bank holiday.</summary>
    public bool IsWorkingDay(DateOnly date) => !IsWeekend(date) && !IsBankHoliday(date);

    /// <summary>
    /// The <paramref name="workingDays"/>-th working day after <paramref name="date"/>; with 0, the
    /// date itself, working day or not.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly date, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = date;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    /// <summary>
    /// The working days after <paramref name="from"/> up to and including <paramref name="to"/>;
    /// negative when <paramref name="to"/> is earlier. So <c>WorkingDaysBetween(d, AddWorkingDays(d, n)) == n</c>,
    /// and <c>WorkingDaysBetween(due, submitted)</c> is how many working days late a return is.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }

        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The day a row for <paramref name="period"/> is due by this calendar (<see cref="ReturnDueDate"/>'s rule).</summary>
    public DateOnly DueDate(Period period, int dueWorkingDays = DefaultDueWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(period);
        return ReturnDueDate.For(period.End, dueWorkingDays, this);
    }
}
