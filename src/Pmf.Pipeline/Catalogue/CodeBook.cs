using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Catalogue;

/// <summary>
/// The codes one sheet defines (councils, services, indicators…), for duplicate checks and for resolving
/// references typed elsewhere: by code in any case, or by a name that only one entry has.
/// </summary>
internal sealed class CodeBook
{
    private readonly Dictionary<string, (string Code, int Row)> _codes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string?> _names = new(StringComparer.Ordinal);

    /// <summary>A book for a sheet that could not be read: references to it are not checked, to avoid echoing that one problem.</summary>
    public static CodeBook Unavailable { get; } = new() { IsAvailable = false };

    public bool IsAvailable { get; private init; } = true;

    public int Count => _codes.Count;

    public IEnumerable<string> Codes => _codes.Values.Select(v => v.Code);

    /// <summary>Adds a code; false (with the row that first used it) when the code is already taken.</summary>
    public bool TryAdd(string code, string? name, int row, out int firstRow)
    {
        if (_codes.TryGetValue(code, out var existing))
        {
            firstRow = existing.Row;
            return false;
        }

        firstRow = row;
        _codes[code] = (code, row);
        var key = ColumnName.Normalise(name);
        if (key.Length > 0)
        {
            _names[key] = _names.ContainsKey(key) ? null : code;
        }

        return true;
    }

    /// <summary>The code <paramref name="text"/> refers to, by code or by a unique name; null when it names nothing.</summary>
    public string? Resolve(string text)
    {
        if (_codes.TryGetValue(text.Trim(), out var byCode))
        {
            return byCode.Code;
        }

        return _names.TryGetValue(ColumnName.Normalise(text), out var byName) ? byName : null;
    }

    /// <summary>The codes for a message: all of them when few, else the first ones.</summary>
    public string Listing()
    {
        const int shown = 8;
        var codes = Codes.Take(shown + 1).ToList();
        return codes.Count <= shown ? string.Join(", ", codes) : string.Join(", ", codes.Take(shown)) + ", …";
    }
}
