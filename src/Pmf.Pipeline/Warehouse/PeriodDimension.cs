using System.Data.Common;
using System.Globalization;
using Dapper;
using Pmf.Pipeline.Calendar;

namespace Pmf.Pipeline.Warehouse;

/// <summary>
/// Fills the calendar dimensions (dim_period, dim_date) for a range of financial years. Rows that
/// exist are left alone, so it is safe to call on every load. The range is widened to the years already
/// there, so the dimensions stay contiguous from the earliest year to the latest (Power BI's date table
/// must have no gap): back-loading a return for an old year fills every year between it and the rest.
/// </summary>
internal static class PeriodDimension
{
    internal const string InsertPeriodSql = """
        INSERT INTO dim_period (period_key, period_code, frequency, financial_year, period_number, period_label,
                                start_date, end_date, start_date_key, end_date_key, previous_period_key, same_period_last_year_key)
        SELECT @PeriodKey, @PeriodCode, @Frequency, @FinancialYear, @PeriodNumber, @PeriodLabel,
               @StartDate, @EndDate, @StartDateKey, @EndDateKey, @PreviousPeriodKey, @SamePeriodLastYearKey
        WHERE NOT EXISTS (SELECT 1 FROM dim_period WHERE period_key = @PeriodKey)
        """;

    internal const string InsertDateSql = """
        INSERT INTO dim_date (date_key, calendar_date, financial_year, financial_quarter, financial_month, quarter_code,
                              month_code, calendar_year, calendar_month, month_name, day_of_week, is_working_day, is_bank_holiday, holiday_name)
        SELECT @DateKey, @CalendarDate, @FinancialYear, @FinancialQuarter, @FinancialMonth, @QuarterCode,
               @MonthCode, @CalendarYear, @CalendarMonth, @MonthName, @DayOfWeek, @IsWorkingDay, @IsBankHoliday, @HolidayName
        WHERE NOT EXISTS (SELECT 1 FROM dim_date WHERE date_key = @DateKey)
        """;

    internal const string CountYearsSql = """
        SELECT COUNT(*) FROM dim_period WHERE frequency = 'Annual' AND period_key >= @First AND period_key <= @Last
        """;

    internal const string DateRangeSql = """
        SELECT CAST(MIN(date_key) AS BIGINT) AS First, CAST(MAX(date_key) AS BIGINT) AS Last FROM dim_date
        """;

    /// <summary>Ensures every period and day of the financial years <paramref name="first"/>..<paramref name="last"/> and of every year between them and those already there.</summary>
    public static async Task EnsureAsync(DbConnection connection, DbTransaction transaction, FinancialYear first, FinancialYear last, CancellationToken cancellationToken)
    {
        var present = await connection.QuerySingleAsync<(long? First, long? Last)>(new CommandDefinition(
            DateRangeSql, transaction: transaction, cancellationToken: cancellationToken));
        if (present is { First: { } earliest, Last: { } latest })
        {
            first = new FinancialYear(Math.Min(first.StartYear, FinancialYear.Containing(FromKey(earliest)).StartYear));
            last = new FinancialYear(Math.Max(last.StartYear, FinancialYear.Containing(FromKey(latest)).StartYear));
        }

        var yearsPresent = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            CountYearsSql,
            new { First = Period.Annual(first.StartYear).SortKey, Last = Period.Annual(last.StartYear).SortKey },
            transaction,
            cancellationToken: cancellationToken));
        if (yearsPresent == last.StartYear - first.StartYear + 1)
        {
            return;
        }

        var periods = new List<object>();
        var dates = new List<object>();
        for (var y = first.StartYear; y <= last.StartYear; y++)
        {
            var year = new FinancialYear(y);
            foreach (var frequency in Enum.GetValues<Frequency>())
            {
                periods.AddRange(Period.In(year, frequency).Select(PeriodRow));
            }

            for (var day = year.Start; day <= year.End; day = day.AddDays(1))
            {
                dates.Add(DateRow(day));
            }
        }

        await connection.ExecuteAsync(new CommandDefinition(InsertPeriodSql, periods, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(InsertDateSql, dates, transaction, cancellationToken: cancellationToken));
    }

    private static DateOnly FromKey(long key) => new((int)(key / 10000), (int)(key / 100 % 100), (int)(key % 100));

    /// <summary>The date key of a day, yyyymmdd.</summary>
    public static int DateKey(DateOnly date) => (date.Year * 10000) + (date.Month * 100) + date.Day;

    private static object PeriodRow(Period p) => new
    {
        PeriodKey = p.SortKey,
        PeriodCode = p.Key,
        Frequency = p.Frequency.ToString(),
        FinancialYear = p.Year.Key,
        PeriodNumber = p.Number,
        PeriodLabel = Label(p),
        StartDate = p.Start,
        EndDate = p.End,
        StartDateKey = DateKey(p.Start),
        EndDateKey = DateKey(p.End),
        PreviousPeriodKey = p.Previous().SortKey,
        SamePeriodLastYearKey = p.SameLastYear().SortKey,
    };

    private static string Label(Period p) => p.Frequency switch
    {
        Frequency.Monthly => p.Start.ToString("MMM yyyy", CultureInfo.InvariantCulture),
        Frequency.Quarterly => string.Create(CultureInfo.InvariantCulture, $"{p.Start:MMM}-{p.End:MMM yyyy}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"Apr {p.Start.Year} - Mar {p.End.Year}"),
    };

    private static object DateRow(DateOnly day)
    {
        var month = Period.Containing(day, Frequency.Monthly);
        var quarter = Period.Containing(day, Frequency.Quarterly);
        return new
        {
            DateKey = DateKey(day),
            CalendarDate = day,
            FinancialYear = month.Year.Key,
            FinancialQuarter = quarter.Number,
            FinancialMonth = month.Number,
            QuarterCode = quarter.Key,
            MonthCode = month.Key,
            CalendarYear = day.Year,
            CalendarMonth = day.Month,
            MonthName = day.ToString("MMMM", CultureInfo.InvariantCulture),
            DayOfWeek = day.DayOfWeek.ToString(),
            IsWorkingDay = WorkingDayCalendar.EnglandAndWales.IsWorkingDay(day),
            IsBankHoliday = WorkingDayCalendar.EnglandAndWales.IsBankHoliday(day),
            HolidayName = WorkingDayCalendar.EnglandAndWales.HolidayName(day),
        };
    }
}
