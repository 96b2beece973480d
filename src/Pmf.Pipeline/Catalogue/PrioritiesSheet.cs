using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Catalogue;

/// <summary>
/// The Priorities sheet: <c>Council</c>, <c>Code</c>, <c>Name</c>, optionally <c>Objective code</c> and
/// <c>Objective</c>. A priority with several objectives takes one row per objective; objective codes are
/// unique within a council.
/// </summary>
internal static class PrioritiesSheet
{
    public const string Code = "Code";
    public const string Name = "Name";
    public const string ObjectiveCode = "Objective code";
    public const string Objective = "Objective";

    public static SheetSpec Spec { get; } = new("Priorities", ["Priority", "Themes", "Theme", "Priorities and objectives"],
    [
        ColumnSpec.Optional(CouncilColumn.Name, "Council code"),
        ColumnSpec.Required(Code, "Priority code", "Theme code", "Ref"),
        ColumnSpec.Required(Name, "Priority", "Priority name", "Theme", "Theme name"),
        ColumnSpec.Optional(ObjectiveCode, "Strategic objective code", "Objective ref"),
        ColumnSpec.Optional(Objective, "Objective name", "Strategic objective"),
    ]);

    public static (List<Priority> Priorities, PriorityBook Book) Read(CatalogueSheet? sheet, CodeBook councils)
    {
        var priorities = new List<Priority>();
        if (sheet is null || !sheet.Has(Code))
        {
            return (priorities, PriorityBook.Unavailable);
        }

        CouncilColumn.CheckPresent(sheet, councils);
        var book = new PriorityBook();
        var seen = new Dictionary<string, (int Row, string Name)>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in sheet.Rows)
        {
            var council = CouncilColumn.Resolve(row, councils);
            var code = row.Required(Code, "give the priority a short code, e.g. P1.");
            var name = row.Required(Name, "give the priority's name.");
            var objectiveCode = row.Text(ObjectiveCode);
            var objectiveName = row.Text(Objective);
            if (objectiveCode is null && objectiveName is not null)
            {
                row.Error(ObjectiveCode, $"Objective code is blank but the objective '{objectiveName}' is named; give the objective a short code, e.g. O1.");
            }

            if (council is not null && code is not null)
            {
                CheckPriority(row, book, seen, council, code, name, objectiveCode);
                if (objectiveCode is not null)
                {
                    CheckObjective(row, book, council, code, objectiveCode, objectiveName);
                }
            }

            if (row.IsValid)
            {
                priorities.Add(new Priority(council!, code!, name!, objectiveCode, objectiveName));
            }
        }

        return (priorities, book);
    }

    private static void CheckPriority(CatalogueRow row, PriorityBook book, Dictionary<string, (int Row, string Name)> seen, string council, string code, string? name, string? objectiveCode)
    {
        if (!book.Priorities(council).TryAdd(code, name, row.Number, out var first))
        {
            var firstName = seen[$"{council}|{code}"].Name;
            if (name is not null && firstName.Length > 0 && !string.Equals(firstName, name, StringComparison.OrdinalIgnoreCase))
            {
                row.Warning(Name, $"Priority {code} is named '{firstName}' in row {first} but '{name}' here; the first name is used, so make them the same.");
            }
        }

        seen.TryAdd($"{council}|{code}", (row.Number, name ?? string.Empty));
        var key = $"{council}|{code}|{objectiveCode}";
        if (!seen.TryAdd(key, (row.Number, string.Empty)))
        {
            var what = objectiveCode is null ? $"Priority {code}" : $"Priority {code} with objective {objectiveCode}";
            row.Error(Code, $"{what} of council {council} is already listed in row {seen[key].Row}; remove the duplicate row.");
        }
    }

    private static void CheckObjective(CatalogueRow row, PriorityBook book, string council, string priority, string objectiveCode, string? objectiveName)
    {
        var objectives = book.Objectives(council);
        if (objectives.TryAdd(objectiveCode, objectiveName, row.Number, out var first))
        {
            book.AddObjective(council, objectiveCode, priority);
            return;
        }

        var owner = book.PriorityOf(council, objectiveCode);
        if (!string.Equals(owner, priority, StringComparison.OrdinalIgnoreCase))
        {
            row.Error(ObjectiveCode, $"Objective code '{objectiveCode}' is already used by priority {owner} in row {first}; objective codes must be unique within council {council}, so give this one another code.");
        }
    }
}
