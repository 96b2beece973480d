namespace Pmf.Pipeline.Tests.Returns;

/// <summary>
/// The corpus of bad and awkward returns, every one generated here (see the three parts: files the workbook
/// layer cannot read, files whose structure is wrong, and awkward files that are read).
/// </summary>
internal static partial class ReturnCorpus
{
    private static readonly Lazy<Dictionary<string, ReturnCase>> Cases = new(() =>
        Unreadable().Concat(Structural()).Concat(Readable()).Concat(Quirks()).ToDictionary(c => c.File, StringComparer.Ordinal));

    public static IEnumerable<string> Names => Cases.Value.Keys.Order(StringComparer.Ordinal);

    public static ReturnCase Get(string file) => Cases.Value[file];
}
