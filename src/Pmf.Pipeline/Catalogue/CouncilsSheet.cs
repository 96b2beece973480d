using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Catalogue;

/// <summary>The Councils sheet: <c>Code</c>, <c>Name</c>, and optionally <c>Nation</c> (England if blank).</summary>
internal static class CouncilsSheet
{
    public const string Code = "Code";
    public const string Name = "Name";
    public const string Nation = "Nation";

    public static SheetSpec Spec { get; } = new("Councils", ["Council"],
    [
        ColumnSpec.Required(Code, "Council code", "Ref"),
        ColumnSpec.Required(Name, "Council name", "Council"),
        ColumnSpec.Optional(Nation, "Country", "UK nation"),
    ]);

    public static (List<Council> Councils, CodeBook Book) Read(CatalogueSheet? sheet)
    {
        var councils = new List<Council>();
        if (sheet is null || !sheet.Has(Code))
        {
            return (councils, CodeBook.Unavailable);
        }

        var book = new CodeBook();
        foreach (var row in sheet.Rows)
        {
            var code = row.Required(Code, "give each council a short code, e.g. ABC.");
            var name = row.Required(Name, "give the council's name.");
            var nation = ReadNation(row);
            if (code is not null && CatalogueCode.Check(row, Code, "Council", code) && !book.TryAdd(code, name, row.Number, out var first))
            {
                row.Error(Code, $"Council code '{code}' is already used in row {first}; give each council its own code.");
            }

            if (row.IsValid)
            {
                councils.Add(new Council(code!, name!, nation));
            }
        }

        if (sheet.Rows.Count == 0)
        {
            sheet.Error(sheet.Header.Row.RowNumber, null, "The Councils sheet lists no councils; add a row with the council's Code and Name.");
        }

        return (councils, book);
    }

    private static Calendar.Nation ReadNation(CatalogueRow row)
    {
        var text = row.Text(Nation);
        if (text is null)
        {
            return Calendar.Nation.England;
        }

        if (NationNames.TryRead(text, out var nation))
        {
            return nation;
        }

        row.Error(Nation, $"Nation '{text}' is not recognised; use {NationNames.Choices} (the nation whose bank holidays the council's due dates skip), or leave it blank for England.");
        return Calendar.Nation.England;
    }
}
