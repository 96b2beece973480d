namespace Pmf.Pipeline.Workbooks;

/// <summary>A column a reader looks for in a header row, by name or synonym (compared as <see cref="ColumnName.Normalise"/>).</summary>
/// <param name="Name">The name as the format documents it, e.g. <c>Indicator</c>.</param>
/// <param name="IsRequired">True when a header row without this column is not the header.</param>
/// <param name="Synonyms">Other names people use for it, e.g. <c>PI code</c>, <c>KPI</c>.</param>
public sealed record ColumnSpec(string Name, bool IsRequired, IReadOnlyList<string> Synonyms)
{
    /// <summary>A column the header must have.</summary>
    public static ColumnSpec Required(string name, params string[] synonyms) => new(name, true, synonyms);

    /// <summary>A column the header may have.</summary>
    public static ColumnSpec Optional(string name, params string[] synonyms) => new(name, false, synonyms);

    /// <summary>True when <paramref name="normalised"/> is this column's name.</summary>
    internal bool IsNamed(string normalised) => ColumnName.Normalise(Name) == normalised;

    /// <summary>True when <paramref name="normalised"/> is one of this column's synonyms.</summary>
    internal bool IsSynonym(string normalised) => Synonyms.Any(s => ColumnName.Normalise(s) == normalised);
}
