namespace Pmf.Pipeline.Catalogue;

/// <summary>
/// The <c>Council</c> column of the Priorities and Indicators sheets. With a single council it may be
/// left out or left blank; with several, every row must say which council it belongs to.
/// </summary>
internal static class CouncilColumn
{
    public const string Name = "Council";

    /// <summary>Reports once per sheet a Council column that is needed but absent.</summary>
    public static void CheckPresent(CatalogueSheet sheet, CodeBook councils)
    {
        if (!sheet.Has(Name) && councils.IsAvailable && councils.Count > 1)
        {
            sheet.Error(sheet.Header.Row.RowNumber, Name, $"The '{sheet.Name}' sheet has no 'Council' column, which is needed because the catalogue holds more than one council; add it to the header row (row {sheet.Header.Row.RowNumber}).");
        }
    }

    /// <summary>The council code of <paramref name="row"/>, or null (reported) when it cannot be told.</summary>
    public static string? Resolve(CatalogueRow row, CodeBook councils)
    {
        var text = row.Text(Name);
        if (!councils.IsAvailable)
        {
            return text ?? string.Empty;
        }

        if (text is null)
        {
            if (councils.Count == 1)
            {
                return councils.Codes.Single();
            }

            return row.Required(Name, $"say which council this row belongs to ({councils.Listing()}).");
        }

        var code = councils.Resolve(text);
        if (code is null)
        {
            row.Error(Name, $"Council '{text}' is not on the Councils sheet; use one of its codes ({councils.Listing()}) or add the council there.");
        }

        return code;
    }
}
