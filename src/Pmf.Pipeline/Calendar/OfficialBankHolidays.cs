using System.Text.Json;

namespace Pmf.Pipeline.Calendar;

/// <summary>
/// The official list of UK bank holidays, 2012 to 2027, as GOV.UK publishes it (bank-holidays.json:
/// england-and-wales, scotland, northern-ireland), embedded in the assembly. Inside those years it is the
/// calendar; outside them <see cref="BankHolidayRules"/> compute it. Each listed day is named by the
/// rule that gives the same day, else <c>Bank holiday</c>.
/// </summary>
internal static class OfficialBankHolidays
{
    public const int FirstYear = 2012;
    public const int LastYear = 2027;

    private const string ResourceName = "calendar.uk-bank-holidays-2012-2027.json";

    private static readonly Lazy<Dictionary<Nation, ILookup<int, DateOnly>>> Lists = new(Load);

    /// <summary>True when the official list covers <paramref name="year"/>.</summary>
    public static bool Covers(int year) => year is >= FirstYear and <= LastYear;

    /// <summary>The days the official list gives <paramref name="nation"/> in <paramref name="year"/> (one of <see cref="Covers"/>), named.</summary>
    public static IReadOnlyList<BankHoliday> In(Nation nation, int year)
    {
        var byRule = BankHolidayRules.In(nation, year);
        return [.. Lists.Value[nation][year].Order().Select(date => byRule.FirstOrDefault(d => d.Date == date) ?? new BankHoliday(date, "Bank holiday"))];
    }

    /// <summary>The listed dates themselves, for a nation (tests compare the rules with them).</summary>
    public static ILookup<int, DateOnly> Dates(Nation nation) => Lists.Value[nation];

    private static Dictionary<Nation, ILookup<int, DateOnly>> Load()
    {
        using var stream = typeof(OfficialBankHolidays).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var document = JsonDocument.Parse(stream);
        ILookup<int, DateOnly> Division(string name) => document.RootElement.GetProperty(name).EnumerateArray()
            .Select(date => DateOnly.ParseExact(date.GetString()!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .ToLookup(date => date.Year);
        var englandAndWales = Division("england-and-wales");
        return new Dictionary<Nation, ILookup<int, DateOnly>>
        {
            [Nation.England] = englandAndWales,
            [Nation.Wales] = englandAndWales,
            [Nation.Scotland] = Division("scotland"),
            [Nation.NorthernIreland] = Division("northern-ireland"),
        };
    }
}
