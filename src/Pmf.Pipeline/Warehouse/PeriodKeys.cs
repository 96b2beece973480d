using System.Globalization;
using Pmf.Pipeline.Calendar;

namespace Pmf.Pipeline.Warehouse;

/// <summary>Turns a <c>period_key</c> (<see cref="Period.SortKey"/>) back into its <see cref="Period"/>.</summary>
internal static class PeriodKeys
{
    public static Period ToPeriod(int periodKey)
    {
        var year = periodKey / 100;
        var part = periodKey % 100;
        return part switch
        {
            0 => Period.Annual(year),
            >= 11 and <= 14 => Period.Quarter(year, part - 10),
            >= 21 and <= 32 => Period.Month(year, part - 20),
            _ => throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{periodKey} is not a period key (yyyy00, yyyy11-14 or yyyy21-32).")),
        };
    }

    /// <summary>The smallest key of any period in <paramref name="year"/>: its annual key.</summary>
    public static int FirstOf(FinancialYear year) => year.StartYear * 100;
}
