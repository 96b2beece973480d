using Pmf.Pipeline.Calendar;

namespace Pmf.Pipeline.Quality;

/// <summary>
/// The only thing the gate keeps as a file streams past: one small entry per (indicator, period) it
/// has seen. Its size is bounded by the catalogue's indicators times their periods, not by the rows.
/// </summary>
internal sealed class FileMemory
{
    private readonly Dictionary<(string Code, int Period), FileEntry> _entries = [];

    public int Count => _entries.Count;

    public FileEntry? Find(string code, Period period) => _entries.GetValueOrDefault((code, period.SortKey));

    public void Add(string code, FileEntry entry) => _entries[(code, entry.Period.SortKey)] = entry;
}
