using System.Globalization;

namespace Pmf.Pipeline.Calendar;

/// <summary>
/// One reporting period: a financial year, a quarter or a month of one, keyed as the warehouse
/// stores it (<c>2025/26</c>, <c>2025/26 Q1</c>, <c>2025/26 M01</c>).
/// </summary>
public sealed record Period : IComparable<Period>
{
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
        return new(Frequency.Monthly, new FinancialYear(financialYearStart), month);
    }

    /// <summary>A quarterly period, <paramref name="quarter"/> 1 = April–June … 4 = January–March.</summary>
    public static Period Quarter(int financialYearStart, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        return new(Frequency.Quarterly, new FinancialYear(financialYearStart), quarter);
    }

    /// <summary>An annual period: the whole financial year.</summary>
    public static Period Annual(int financialYearStart) => new(Frequency.Annual, new FinancialYear(financialYearStart), 1);

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
    public Period Previous() => Containing(Start.AddDays(-1), Frequency);

    /// <summary>The period immediately after this one, of the same frequency.</summary>
    public Period Next() => Containing(End.AddDays(1), Frequency);

    /// <summary>The same period one financial year earlier.</summary>
    public Period SameLastYear() => new(Frequency, new FinancialYear(Year.StartYear - 1), Number);

    /// <summary>Every period of <paramref name="frequency"/> in <paramref name="year"/>, in order.</summary>
    public static IEnumerable<Period> In(FinancialYear year, Frequency frequency)
    {
        var count = frequency switch { Frequency.Monthly => 12, Frequency.Quarterly => 4, _ => 1 };
        for (var n = 1; n <= count; n++)
        {
            yield return new Period(frequency, year, n);
        }
    }

    /// <inheritdoc />
    public int CompareTo(Period? other) => other is null ? 1 : Start != other.Start ? Start.CompareTo(other.Start) : End.CompareTo(other.End);

    /// <inheritdoc />
    public override string ToString() => Key;
}
