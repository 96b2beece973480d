using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Catalogue;

/// <summary>A catalogue sheet: its name and synonyms, and the columns of its header.</summary>
internal sealed record SheetSpec(string Name, IReadOnlyList<string> Synonyms, IReadOnlyList<ColumnSpec> Columns)
{
    public HeaderMatcher Header { get; } = new(Columns);

    public bool Matches(string sheetName)
    {
        var name = ColumnName.Normalise(sheetName);
        return name == ColumnName.Normalise(Name) || Synonyms.Any(s => ColumnName.Normalise(s) == name);
    }

    public string RequiredColumnList => string.Join(", ", Columns.Where(c => c.IsRequired).Select(c => c.Name));
}
