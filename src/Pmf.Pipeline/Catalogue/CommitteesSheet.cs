using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Catalogue;

/// <summary>
/// The optional Committees sheet: <c>Code</c>, <c>Name</c>, <c>Council</c>, <c>Kind</c> (Executive,
/// Scrutiny, Advisory or Audit) and <c>Performance monitors</c> (names separated by <c>;</c> or commas).
/// A catalogue without it still loads: its indicators' Committee column is then free text.
/// </summary>
internal static class CommitteesSheet
{
    public const string Code = "Code";
    public const string Name = "Name";
    public const string Kind = "Kind";
    public const string Monitors = "Performance monitors";

    public static SheetSpec Spec { get; } = new("Committees", ["Committee", "Reporting committees"],
    [
        ColumnSpec.Required(Code, "Committee code", "Ref"),
        ColumnSpec.Required(Name, "Committee", "Committee name"),
        ColumnSpec.Optional(CouncilColumn.Name, "Council code"),
        ColumnSpec.Required(Kind, "Type", "Committee type", "Role"),
        ColumnSpec.Optional(Monitors, "Monitors", "Committee performance monitors", "Performance monitor", "Members"),
    ]);

    /// <summary>Loads the sheet when the workbook has one; null (and no problem) when it has none.</summary>
    public static CatalogueSheet? LoadIfPresent(Workbook workbook, SheetSpec spec, CatalogueProblems problems, CancellationToken cancellationToken) =>
        workbook.Sheets.Any(s => spec.Matches(s.Name)) ? CatalogueSheet.Load(workbook, spec, problems, cancellationToken) : null;

    public static (List<Committee> Committees, CodeBook Book) Read(CatalogueSheet? sheet, CodeBook councils)
    {
        var committees = new List<Committee>();
        if (sheet is null || !sheet.Has(Code))
        {
            return (committees, sheet is null ? new CodeBook() : CodeBook.Unavailable);
        }

        CouncilColumn.CheckPresent(sheet, councils);
        var book = new CodeBook();
        foreach (var row in sheet.Rows)
        {
            var code = row.Required(Code, "give each committee a short code, e.g. SR; its report is named after it.");
            var name = row.Required(Name, "give the committee's name as councillors read it.");
            var council = CouncilColumn.Resolve(row, councils);
            var kind = ReadKind(row);
            if (code is not null && CatalogueCode.Check(row, Code, "Committee", code) && !book.TryAdd(code, name, row.Number, out var first))
            {
                row.Error(Code, $"Committee code '{code}' is already used in row {first}; give each committee its own code.");
            }

            if (row.IsValid)
            {
                committees.Add(new Committee(code!, name!, council!, kind!.Value, CommitteeScope.Split(row.Text(Monitors))));
            }
        }

        return (committees, book);
    }

    private static CommitteeKind? ReadKind(CatalogueRow row)
    {
        var text = row.Required(Kind, "say what the committee is: Executive, Scrutiny, Advisory or Audit.");
        if (text is null)
        {
            return null;
        }

        CommitteeKind? kind = ColumnName.Normalise(text) switch
        {
            "executive" or "cabinet" or "decision" or "decisionmaking" or "policy" or "service" => CommitteeKind.Executive,
            "scrutiny" or "overviewandscrutiny" => CommitteeKind.Scrutiny,
            "advisory" => CommitteeKind.Advisory,
            "audit" or "auditandstandards" or "governance" or "auditandgovernance" => CommitteeKind.Audit,
            _ => null,
        };
        if (kind is null)
        {
            row.Error(Kind, $"Kind '{text}' is not one the catalogue knows; write Executive, Scrutiny, Advisory or Audit.");
        }

        return kind;
    }
}
