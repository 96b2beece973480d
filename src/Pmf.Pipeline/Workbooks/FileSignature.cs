namespace Pmf.Pipeline.Workbooks;

/// <summary>What the first bytes of a file say it is, whatever its name claims.</summary>
internal enum FileSignature
{
    /// <summary>A zip archive: an .xlsx/.xlsm package (or some other zip).</summary>
    Zip,

    /// <summary>An OLE compound document: an .xls, or an encrypted .xlsx.</summary>
    Compound,

    /// <summary>A bare BIFF2–BIFF8 record stream: an old .xls without a container.</summary>
    RawBiff,

    /// <summary>Anything else: text, an image, random bytes.</summary>
    Other,
}

/// <summary>Reads a <see cref="FileSignature"/> from the start of a seekable stream.</summary>
internal static class FileSignatures
{
    private static readonly byte[] CompoundMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static FileSignature Of(Stream stream)
    {
        Span<byte> probe = stackalloc byte[8];
        stream.Position = 0;
        var read = stream.ReadAtLeast(probe, probe.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        probe = probe[..read];

        if (probe.Length >= 4 && probe[0] == 'P' && probe[1] == 'K' && probe[2] is 3 or 5 or 7 && probe[3] is 4 or 6 or 8)
        {
            return FileSignature.Zip;
        }

        if (probe.SequenceEqual(CompoundMagic))
        {
            return FileSignature.Compound;
        }

        // A BIFF BOF record: id 0x0009 (BIFF2), 0x0209 (BIFF3), 0x0409 (BIFF4) or 0x0809 (BIFF5/8).
        return probe.Length == 8 && probe[0] == 0x09 && probe[1] is 0x00 or 0x02 or 0x04 or 0x08
            ? FileSignature.RawBiff
            : FileSignature.Other;
    }

    /// <summary>True when the start of the file reads as text: no NULs and few control characters.</summary>
    public static bool LooksLikeText(Stream stream)
    {
        var sample = new byte[4096];
        stream.Position = 0;
        var read = stream.ReadAtLeast(sample, sample.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        return read > 0 && ControlByteShare(sample.AsSpan(0, read)) == 0;
    }

    /// <summary>The share of bytes that are control characters other than tab, CR, LF and form feed.</summary>
    public static double ControlByteShare(ReadOnlySpan<byte> sample)
    {
        var controls = 0;
        foreach (var b in sample)
        {
            if (b is < 0x09 or (> 0x0D and < 0x20) or 0x7F)
            {
                controls++;
            }
        }

        return sample.IsEmpty ? 0 : (double)controls / sample.Length;
    }
}
