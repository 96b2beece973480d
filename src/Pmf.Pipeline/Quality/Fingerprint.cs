using System.Globalization;
using Pmf.Pipeline.Returns;
using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Quality;

/// <summary>
/// A 64-bit hash (FNV-1a) of a row's values as the gate reads them: Value, Numerator, Denominator
/// and Status, not Commentary. <c>85%</c> and a percent-formatted 0.85 hash alike, as do
/// <c>on-track</c> and <c>On track</c>. Keeping 8 bytes instead of the values keeps duplicate
/// detection compact; two different rows colliding is a one in 2^64 chance.
/// </summary>
internal static class Fingerprint
{
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static long Of(ReturnRow row)
    {
        var hash = Offset;
        hash = Mix(hash, Number(row.Value));
        hash = Mix(hash, Number(row.Numerator));
        hash = Mix(hash, Number(row.Denominator));
        hash = Mix(hash, QualitativeStatus.Normalise(row.Status.Text) ?? CellText.Trim(row.Status.Text).ToUpperInvariant());
        return unchecked((long)hash);
    }

    private static string Number(WorkbookCell cell) => NumberNormaliser.Read(cell) is { IsNumber: true } reading
        ? Decimals.Trim(reading.Value).ToString(CultureInfo.InvariantCulture)
        : CellText.Meaningful(cell)?.ToUpperInvariant() ?? string.Empty;

    private static ulong Mix(ulong hash, string text)
    {
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * Prime);
        }

        // A separator, so ("1", "23") and ("12", "3") differ.
        return unchecked((hash ^ 0x1F) * Prime);
    }
}
