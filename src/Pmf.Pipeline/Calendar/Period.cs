using System.Globalization;

namespace Pmf.Pipeline.Calendar;

/// <summary>
/// One reporting period: a financial year, a quarter or a month of one, keyed as the warehouse
/// stores it (<c>2025/26</c>, <c>2025/26 Q1</c>, <c>2025/26 M01</c>).
/// </summary>
public sealed record Period : IComparable<Period>
{
    private const int FirstCachedYear = 1900;
    private const int CachedYears = 300;
    private const int SlotsPerYear = 17; // the year, 4 quarters, 12 months
    private static readonly Period?[] Cache = new Period?[CachedYears * SlotsPerYear];

    private Period(Frequency frequency, FinancialYear year, int number)
    {
        Frequency = frequency;
        Year = year;
        Number = number;
        Key = frequency switch
        {
            Frequency.Monthly => string.Create(CultureInfo.InvariantCulture, $"{year.Key} M{number:00}"),
            Frequency.Quarterly => string.Create(CultureInfo.InvariantCulture, $"{year.Key} Q{number}"),
            _ => year.Key,
        };
    }

    /// <summary>Monthly, quarterly or annual.</summary>
    public Frequency Frequency { get; }

    /// <summary>The financial year the period belongs to.</summary>
    public FinancialYear Year { get; }

    /// <summary>1–12 for months (1 = April), 1–4 for quarters, 1 for a year.</summary>
    public int Number { get; }

    /// <summary>The first day of the period.</summary>
    public DateOnly Start => Frequency switch
    {
        Frequency.Monthly => Year.Start.AddMonths(Number - 1),
        Frequency.Quarterly => Year.Start.AddMonths((Number - 1) * 3),
        _ => Year.Start,
    };

    /// <summary>The last day of the period.</summary>
    public DateOnly End => Frequency switch
    {
        Frequency.Monthly => Start.AddMonths(1).AddDays(-1),
        Frequency.Quarterly => Start.AddMonths(3).AddDays(-1),
        _ => Year.End,
    };

    /// <summary>The key as the warehouse stores it.</summary>
    // Computed once: keys are compared and hashed for every row of a return.
    public string Key { get; }

    /// <summary>A compact integer key, used as a warehouse key: 202500 for 2025/26, 202511 for 2025/26 Q1, 202521 for 2025/26 M01.</summary>
    public int SortKey => (Year.StartYear * 100) + (Frequency switch
    {
        Frequency.Monthly => 20 + Number,
        Frequency.Quarterly => 10 + Number,
        _ => 0,
    });

    /// <summary>A monthly period, <paramref name="month"/> 1 = April … 12 = March.</summary>
    public static Period Month(int financialYearStart, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        return Of(Frequency.Monthly, financialYearStart, month);
    }

    /// <summary>A quarterly period, <paramref name="quarter"/> 1 = April–June … 4 = January–March.</summary>
    public static Period Quarter(int financialYearStart, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        return Of(Frequency.Quarterly, financialYearStart, quarter);
    }

    /// <summary>An annual period: the whole financial year.</summary>
    public static Period Annual(int financialYearStart) => Of(Frequency.Annual, financialYearStart, 1);

    /// <summary>The period of <paramref name="frequency"/> that contains <paramref name="date"/>.</summary>
    public static Period Containing(DateOnly date, Frequency frequency)
    {
        var year = FinancialYear.Containing(date);
        var monthOfYear = ((date.Month + 8) % 12) + 1; // April → 1 … March → 12
        return frequency switch
        {
            Frequency.Monthly => Month(year.StartYear, monthOfYear),
            Frequency.Quarterly => Quarter(year.StartYear, ((monthOfYear - 1) / 3) + 1),
            _ => Annual(year.StartYear),
        };
    }

    /// <summary>The period immediately before this one, of the same frequency.</summary>
    public Period Previous() => Number > 1
        ? Of(Frequency, Year.StartYear, Number - 1)
        : Of(Frequency, Year.StartYear - 1, PeriodsInYear(Frequency));

    /// <summary>The period immediately after this one, of the same frequency.</summary>
    public Period Next() => Number < PeriodsInYear(Frequency)
        ? Of(Frequency, Year.StartYear, Number + 1)
        : Of(Frequency, Year.StartYear + 1, 1);

    /// <summary>The same period one financial year earlier.</summary>
    public Period SameLastYear() => Of(Frequency, Year.StartYear - 1, Number);

    /// <summary>The same period one financial year later: the period whose <see cref="SameLastYear"/> this is.</summary>
    public Period SameNextYear() => Of(Frequency, Year.StartYear + 1, Number);

    /// <summary>Every period of <paramref name="frequency"/> in <paramref name="year"/>, in order.</summary>
    public static IEnumerable<Period> In(FinancialYear year, Frequency frequency)
    {
        var count = PeriodsInYear(frequency);
        for (var n = 1; n <= count; n++)
        {
            yield return Of(frequency, year.StartYear, n);
        }
    }

    private static int PeriodsInYear(Frequency frequency) => frequency switch { Frequency.Monthly => 12, Frequency.Quarterly => 4, _ => 1 };

    /// <summary>
    /// The one shared instance of a period in the cached span, else a new one. The gate asks for
    /// several periods on every row of a return (its own, and the ones before it for history), so
    /// each is built once, key and all, rather than a million times; 17 periods a year over the
    /// span is a few thousand small objects. A race only builds an equal period twice.
    /// </summary>
    private static Period Of(Frequency frequency, int startYear, int number)
    {
        var offset = startYear - FirstCachedYear;
        if ((uint)offset >= CachedYears)
        {
            return new(frequency, new FinancialYear(startYear), number);
        }

        var slot = (offset * SlotsPerYear) + frequency switch
        {
            Frequency.Monthly => 4 + number,
            Frequency.Quarterly => number,
            _ => 0,
        };
        return Cache[slot] ??= new(frequency, new FinancialYear(startYear), number);
    }

    /// <inheritdoc />
    public int CompareTo(Period? other) => other is null ? 1 : Start != other.Start ? Start.CompareTo(other.Start) : End.CompareTo(other.End);

    /// <inheritdoc />
    public override string ToString() => Key;
}
