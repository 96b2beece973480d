using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Calendar;

/// <summary>How nations are written in catalogues and stored in the warehouse.</summary>
public static class NationNames
{
    /// <summary>The choices, as a message lists them.</summary>
    public const string Choices = "England, Wales, Scotland or Northern Ireland";

    private static readonly Dictionary<string, Nation> Words = new(StringComparer.Ordinal)
    {
        [ColumnName.Normalise("England")] = Nation.England,
        [ColumnName.Normalise("Wales")] = Nation.Wales,
        [ColumnName.Normalise("Cymru")] = Nation.Wales,
        [ColumnName.Normalise("Scotland")] = Nation.Scotland,
        [ColumnName.Normalise("Northern Ireland")] = Nation.NorthernIreland,
        [ColumnName.Normalise("N Ireland")] = Nation.NorthernIreland,
        [ColumnName.Normalise("NI")] = Nation.NorthernIreland,
    };

    /// <summary>The name as people write it and <c>dim_council.nation</c> stores it: <c>Northern Ireland</c>.</summary>
    public static string Text(Nation nation) => nation == Nation.NorthernIreland ? "Northern Ireland" : nation.ToString();

    /// <summary>Reads a nation written as in <see cref="Choices"/> (ignoring case, spaces and punctuation), or <c>NI</c>, <c>Cymru</c>.</summary>
    public static bool TryRead(string? text, out Nation nation)
    {
        nation = Nation.England;
        return text is not null && Words.TryGetValue(ColumnName.Normalise(text), out nation);
    }
}
