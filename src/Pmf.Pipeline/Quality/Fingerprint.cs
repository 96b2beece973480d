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

    // What a part is, mixed in before it, so the number 85 and the text "85" could never hash alike.
    private const char NumberTag = '#';
    private const char TextTag = '"';

    public static long Of(RowDraft draft)
    {
        var row = draft.Row;
        var hash = Offset;
        hash = Number(hash, draft.ValueNumber, row.Value);
        hash = Number(hash, draft.NumeratorNumber, row.Numerator);
        hash = Number(hash, draft.DenominatorNumber, row.Denominator);
        hash = Text(hash, QualitativeStatus.Normalise(row.Status.Text) ?? CellText.Trim(row.Status.Text).ToUpperInvariant());
        return unchecked((long)hash);
    }

    /// <summary>
    /// A number by its value, not its text: this runs on every row, and formatting each number
    /// cost more than the rest of the fingerprint. Trimmed, 85 and 85.00 have the same bits.
    /// </summary>
    private static ulong Number(ulong hash, NumberReading reading, WorkbookCell cell)
    {
        if (!reading.IsNumber)
        {
            return Text(hash, CellText.Meaningful(cell)?.ToUpperInvariant() ?? string.Empty);
        }

        var value = reading.Value == 0m ? 0m : Decimals.Trim(reading.Value);
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        hash = Mix(hash, NumberTag);
        foreach (var part in bits)
        {
            hash = Mix(hash, (uint)part);
        }

        return Mix(hash, 0x1F);
    }

    private static ulong Text(ulong hash, string text)
    {
        hash = Mix(hash, TextTag);
        foreach (var c in text)
        {
            hash = Mix(hash, c);
        }

        // A separator, so ("1", "23") and ("12", "3") differ.
        return Mix(hash, 0x1F);
    }

    private static ulong Mix(ulong hash, uint value) => unchecked((hash ^ value) * Prime);
}
