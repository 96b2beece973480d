using System.Collections.Frozen;
using System.Globalization;

namespace Pmf.Pipeline.Calendar;

/// <summary>English month names and abbreviations (<c>Apr</c>, <c>April</c>, <c>Sept</c>), read without regard to case.</summary>
internal static class MonthNames
{
    private static readonly FrozenDictionary<string, int> ByName = Build();

    /// <summary>The calendar month (1 = January) a name stands for, or null when it is not a month.</summary>
    public static int? Find(string name) => ByName.TryGetValue(name, out var month) ? month : null;

    /// <summary>The three-letter name, e.g. <c>Apr</c>.</summary>
    public static string Short(int month) => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(month);

    /// <summary>The full name, e.g. <c>April</c>.</summary>
    public static string Full(int month) => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);

    private static FrozenDictionary<string, int> Build()
    {
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["Sept"] = 9 };
        for (var month = 1; month <= 12; month++)
        {
            names[Short(month)] = month;
            names[Full(month)] = month;
        }

        return names.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
