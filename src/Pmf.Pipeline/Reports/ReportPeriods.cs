using Pmf.Pipeline.Calendar;

namespace Pmf.Pipeline.Reports;

/// <summary>
/// Which of each indicator's own periods a report covers, and its trend window. A report covers, for
/// each frequency, the period that ends on the report's last day: for a quarter, the quarter and its
/// last month (and the year, at Q4); for a year, March, Q4 and the year. So every indicator is shown
/// at its position as the report's period closes.
/// </summary>
public sealed class ReportPeriods
{
    /// <summary>Periods in a quarterly report's trend charts.</summary>
    public const int QuarterlyTrendLength = 8;

    private static readonly Frequency[] Frequencies = [Frequency.Monthly, Frequency.Quarterly, Frequency.Annual];

    private ReportPeriods(PerformanceReportKind kind, Period period, Period closing)
    {
        Kind = kind;
        Period = period;
        Closing = closing;
        Reported = Ending(closing);
        Trend = [.. Reported.SelectMany(p => Window(kind, p))];
    }

    /// <summary>
    /// The period whose last day the report shows each indicator at: the quarter or year reported, or for an
    /// annual review of a year not yet over, its latest ended quarter (the year so far).
    /// </summary>
    public Period Closing { get; }

    /// <summary>Each frequency's period that ends with <paramref name="closing"/>: the month, the quarter, and the year at Q4.</summary>
    public static IReadOnlyList<Period> Ending(Period closing)
    {
        ArgumentNullException.ThrowIfNull(closing);
        return [.. Frequencies.Select(f => Pmf.Pipeline.Calendar.Period.Containing(closing.End, f)).Where(p => p.End == closing.End)];
    }

    /// <summary>True when the report covers its whole period; false for the year so far.</summary>
    public bool IsComplete => Closing.End == Period.End;

    /// <summary>
    /// An annual review as of <paramref name="today"/>: when the year is not over, each indicator at the end of the
    /// year's latest ended quarter (its first quarter while none has ended). A quarterly report is unchanged.
    /// </summary>
    /// <param name="today">The UK date the report is produced.</param>
    public ReportPeriods SoFar(DateOnly today)
    {
        if (Kind != PerformanceReportKind.Annual || today > Period.End)
        {
            return this;
        }

        var quarter = Pmf.Pipeline.Calendar.Period.Containing(today, Frequency.Quarterly).Previous();
        return new ReportPeriods(Kind, Period, quarter.Year == Period.Year ? quarter : Pmf.Pipeline.Calendar.Period.Quarter(Period.Year.StartYear, 1));
    }

    /// <summary>Quarterly or annual.</summary>
    public PerformanceReportKind Kind { get; }

    /// <summary>The quarter or financial year reported.</summary>
    public Period Period { get; }

    /// <summary>Each frequency's period that ends with <see cref="Period"/>.</summary>
    public IReadOnlyList<Period> Reported { get; }

    /// <summary>
    /// Every period the trend charts draw, oldest first within each frequency: a quarterly report's last
    /// eight of each frequency; an annual report's this year and last (24 months, 8 quarters) and the last five years.
    /// </summary>
    public IReadOnlyList<Period> Trend { get; }

    /// <summary>The periods for <paramref name="period"/>: a quarter for a quarterly report, any period for an annual one (its financial year is reviewed).</summary>
    /// <param name="kind">Quarterly or annual.</param>
    /// <param name="period">The period asked for.</param>
    /// <exception cref="ArgumentException">A quarterly report was asked for a month or a year.</exception>
    public static ReportPeriods For(PerformanceReportKind kind, Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (kind == PerformanceReportKind.Annual)
        {
            var year = Pmf.Pipeline.Calendar.Period.Annual(period.Year.StartYear);
            return new ReportPeriods(kind, year, year);
        }

        return period.Frequency == Frequency.Quarterly
            ? new ReportPeriods(kind, period, period)
            : throw new ArgumentException($"A quarterly report is for a quarter, not {period.Key}.", nameof(period));
    }

    private static IEnumerable<Period> Window(PerformanceReportKind kind, Period last)
    {
        var length = kind == PerformanceReportKind.Quarterly
            ? QuarterlyTrendLength
            : last.Frequency switch { Frequency.Monthly => 24, Frequency.Quarterly => 8, _ => 5 };
        var periods = new Stack<Period>();
        for (var p = last; periods.Count < length; p = p.Previous())
        {
            periods.Push(p);
        }

        return periods;
    }
}
