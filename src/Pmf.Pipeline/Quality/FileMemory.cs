using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Scoring;

namespace Pmf.Pipeline.Quality;

/// <summary>
/// The only thing the gate keeps as a file streams past: one small entry per (indicator, period) it
/// has seen. Its size is bounded by the catalogue's indicators times their periods, not by the rows.
/// </summary>
/// <remarks>
/// A million-row return is a million entries, so each is kept compact: keyed by one <see cref="long"/>
/// (the indicator's number in this file and the period's <see cref="Period.SortKey"/>) and stored as
/// a 24-byte struct, about 45 bytes a key with the dictionary's own, against ~180 bytes for an object
/// per entry keyed by (code, period). The value is kept as a double when converting back gives the
/// very same decimal, bit for bit (in practice every value a return holds), else whole in a side table.
/// Readers get a <see cref="FileEntry"/> copy; changes go through the methods here.
/// <para>
/// The entries are spread over <see cref="Shards"/> dictionaries: one dictionary of a million grows
/// by copying into one twice its size, briefly holding both (~100 MB); a shard grows by a sixteenth
/// of that. (A thousand shards, to keep every array off the large-object heap, measured worse: the
/// outgrown arrays piled up in generation 2.)
/// </para>
/// </remarks>
internal sealed class FileMemory
{
    private const int Shards = 16;
    private const decimal LargestCompact = 1_000_000_000_000_000m;

    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
    private readonly List<string> _sheets = [];
    private readonly Dictionary<long, Slot>[] _shards;
    private readonly Dictionary<long, decimal> _wideValues = [];
    private readonly Dictionary<long, (decimal? Numerator, decimal? Denominator)> _ratios = [];
    private string? _lastCode;
    private int _lastNumber;

    /// <param name="expectedKeys">About how many keys the file will bring (0 when unknown): the shards are made that big at once.</param>
    public FileMemory(int expectedKeys = 0)
    {
        // A little over an even share each, as keys do not spread perfectly evenly.
        var share = expectedKeys / Shards;
        _shards = [.. Enumerable.Range(0, Shards).Select(_ => new Dictionary<long, Slot>(share + (share / 8)))];
    }

    [Flags]
    private enum State : byte
    {
        None = 0,
        Loaded = 1,
        Conflicted = 2,
        HasValue = 4,
        WideValue = 8,
        Explained = 16,
    }

    public int Count => _shards.Sum(shard => shard.Count);

    /// <summary>Changes with every entry added or changed, so a reader may keep what it read until then.</summary>
    public int Version { get; private set; }

    /// <summary>True when the row for <paramref name="code"/> and <paramref name="period"/> stands with a result: <see cref="Find"/> without the copy.</summary>
    public bool IsLoaded(string code, Period period) =>
        TryNumber(code, out var number) && TryFind(Key(number, period), out var slot) && (slot.State & State.Loaded) != 0;

    public FileEntry? Find(string code, Period period)
    {
        if (!TryNumber(code, out var number) || !TryFind(Key(number, period), out var slot))
        {
            return null;
        }

        decimal? value = (slot.State & State.HasValue) == 0 ? null
            : (slot.State & State.WideValue) != 0 ? _wideValues[Key(number, period)]
            : (decimal)slot.Value;
        var (numerator, denominator) = _ratios.Count == 0 ? default : _ratios.GetValueOrDefault(Key(number, period));
        return new FileEntry(_sheets[slot.Sheet], slot.Row, period, slot.Fingerprint,
            (slot.State & State.Loaded) != 0, (slot.State & State.Conflicted) != 0, value, (RagStatus)slot.Rag)
        {
            Numerator = numerator,
            Denominator = denominator,
            Explained = (slot.State & State.Explained) != 0,
        };
    }

    /// <summary>Remembers the first row for <paramref name="code"/> and <paramref name="period"/>, not yet loaded.</summary>
    public FileEntry Add(string code, Period period, string sheet, int row, long fingerprint)
    {
        ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(_codes, code, out var known);
        if (!known)
        {
            number = _codes.Count - 1;
        }

        var key = Key(number, period);
        Version++;
        ShardOf(key)[key] = new Slot { Fingerprint = fingerprint, Row = row, Sheet = SheetNumber(sheet) };
        return new FileEntry(sheet, row, period, fingerprint, Loaded: false, Conflicted: false, Value: null, RagStatus.DataOnly);
    }

    /// <summary>
    /// The row now stands for its key with a result: later rows see its value as history. A numerator
    /// and denominator, rarer than values, are kept aside, so rows without them cost nothing more.
    /// </summary>
    public void Loaded(string code, Period period, string sheet, int row, AcceptedResult result)
    {
        var key = KeyOf(code, period);
        ref var slot = ref Existing(key, code, period);
        Version++;
        slot.Sheet = SheetNumber(sheet);
        slot.Row = row;
        slot.Rag = (byte)result.Rag;
        slot.State = (slot.State & State.Conflicted) | State.Loaded | (result.Commentary is null ? State.None : State.Explained);
        if (result.Numerator is not null || result.Denominator is not null)
        {
            _ratios[key] = (result.Numerator, result.Denominator);
        }

        var value = result.Value;
        if (value is not { } given)
        {
            return;
        }

        slot.State |= State.HasValue;
        if (AsDouble(given) is { } compact)
        {
            slot.Value = compact;
        }
        else
        {
            slot.State |= State.WideValue;
            _wideValues[key] = given;
        }
    }

    /// <summary>A later row gave different values: nothing loads for the key any more.</summary>
    public void Conflicted(string code, Period period)
    {
        ref var slot = ref Existing(KeyOf(code, period), code, period);
        Version++;
        slot.State = (slot.State & ~State.Loaded) | State.Conflicted;
    }

    // By the indicator alone: the rules of a row ask for a dozen periods of one indicator, which then sit
    // in one shard, next to each other in its buckets and (a file being in order) its entries, a few
    // cache lines instead of a dozen shards' worth. An indicator has at most a few thousand periods
    // (1900-2199), and indicators are numbered in turn, so a file of many indicators spreads evenly.
    private Dictionary<long, Slot> ShardOf(long key) => _shards[(uint)(key >> 32) % Shards];

    /// <summary>
    /// The indicator's number in this file. The history rules ask a dozen times a row for the same
    /// indicator (as one string, the catalogue's), so the last one is remembered rather than hashed again.
    /// </summary>
    private bool TryNumber(string code, out int number)
    {
        if (ReferenceEquals(code, _lastCode))
        {
            number = _lastNumber;
            return true;
        }

        if (!_codes.TryGetValue(code, out number))
        {
            return false;
        }

        (_lastCode, _lastNumber) = (code, number);
        return true;
    }

    private bool TryFind(long key, out Slot slot) => ShardOf(key).TryGetValue(key, out slot);

    private static long Key(int codeNumber, Period period) => ((long)codeNumber << 32) | (uint)period.SortKey;

    /// <summary>The value as a double when converting back gives the same decimal, bit for bit; else null.</summary>
    private static double? AsDouble(decimal value)
    {
        if (decimal.Abs(value) >= LargestCompact)
        {
            return null; // beyond 15 digits a double cannot hold it, and near decimal's limit it would not convert back
        }

        var compact = (double)value;
        Span<int> given = stackalloc int[4];
        Span<int> back = stackalloc int[4];
        decimal.GetBits(value, given);
        decimal.GetBits((decimal)compact, back);
        return given.SequenceEqual(back) ? compact : null;
    }

    private long KeyOf(string code, Period period) => TryNumber(code, out var number) ? Key(number, period) : -1;

    private ref Slot Existing(long key, string code, Period period)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrNullRef(ShardOf(key), key);
        if (Unsafe.IsNullRef(ref slot))
        {
            throw new InvalidOperationException($"The gate has no entry for {code} {period.Key}.");
        }

        return ref slot;
    }

    private short SheetNumber(string sheet)
    {
        // A return has one sheet, or a few; the last one is nearly always the one asked for.
        for (var i = _sheets.Count - 1; i >= 0; i--)
        {
            if (ReferenceEquals(_sheets[i], sheet) || _sheets[i] == sheet)
            {
                return (short)i;
            }
        }

        _sheets.Add(sheet);
        return (short)(_sheets.Count - 1);
    }

    /// <summary>One key's entry as stored: 24 bytes.</summary>
    private struct Slot
    {
        public long Fingerprint;
        public double Value;
        public int Row;
        public short Sheet;
        public byte Rag;
        public State State;
    }
}
