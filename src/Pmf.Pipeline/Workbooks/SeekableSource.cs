namespace Pmf.Pipeline.Workbooks;

/// <summary>
/// The readers seek, so a forward-only stream (a network body, a blob download) is first copied to a
/// temporary file, deleted on dispose. Memory stays flat however large the file.
/// </summary>
internal sealed class SeekableSource : IDisposable
{
    private readonly FileStream? _copy;

    private SeekableSource(Stream stream, FileStream? copy)
    {
        Stream = stream;
        _copy = copy;
    }

    /// <summary>A seekable stream over the whole file, positioned at its start.</summary>
    public Stream Stream { get; }

    public static SeekableSource For(Stream stream)
    {
        if (stream.CanSeek)
        {
            stream.Position = 0;
            return new SeekableSource(stream, null);
        }

        var copy = new FileStream(
            Path.Combine(Path.GetTempPath(), "pmf-" + Guid.NewGuid().ToString("N")),
            FileMode.CreateNew,
            FileAccess.ReadWrite,
            FileShare.None,
            bufferSize: 81920,
            FileOptions.DeleteOnClose);
        try
        {
            stream.CopyTo(copy);
            copy.Position = 0;
            return new SeekableSource(copy, copy);
        }
        catch
        {
            copy.Dispose();
            throw;
        }
    }

    public void Dispose() => _copy?.Dispose();
}
