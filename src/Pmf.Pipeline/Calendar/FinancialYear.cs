using System.Globalization;

namespace Pmf.Pipeline.Calendar;

/// <summary>A UK local-government financial year, 1 April to 31 March, keyed <c>2025/26</c>.</summary>
/// <param name="StartYear">The calendar year in which the financial year starts (2025 for 2025/26).</param>
public readonly record struct FinancialYear(int StartYear) : IComparable<FinancialYear>
{
    /// <summary>The first day, 1 April of <see cref="StartYear"/>.</summary>
    public DateOnly Start => new(StartYear, 4, 1);

    /// <summary>The last day, 31 March of the following calendar year.</summary>
    public DateOnly End => new(StartYear + 1, 3, 31);

    /// <summary>The key as the warehouse stores it, e.g. <c>2025/26</c>.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{StartYear}/{(StartYear + 1) % 100:00}");

    /// <summary>The financial year before this one.</summary>
    public FinancialYear Previous() => new(StartYear - 1);

    /// <summary>The financial year after this one.</summary>
    public FinancialYear NextYear() => new(StartYear + 1);

    /// <summary>The financial year containing <paramref name="date"/>.</summary>
    public static FinancialYear Containing(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    /// <inheritdoc />
    public int CompareTo(FinancialYear other) => StartYear.CompareTo(other.StartYear);

    /// <inheritdoc />
    public override string ToString() => Key;
}
