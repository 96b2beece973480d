using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Catalogue;

/// <summary>The optional Milestones sheet: <c>Action</c>, <c>Milestone</c>, <c>Due</c>; one row per milestone.</summary>
internal static class MilestonesSheet
{
    public const string Action = "Action";
    public const string Name = "Milestone";
    public const string Due = "Due";

    public static SheetSpec Spec { get; } = new("Milestones", ["Action milestones", "Project milestones"],
    [
        ColumnSpec.Required(Action, "Action code", "Project"),
        ColumnSpec.Required(Name, "Milestone name", "Description"),
        ColumnSpec.Required(Due, "Due date", "Date", "Deadline"),
    ]);

    public static List<Milestone> Read(CatalogueSheet? sheet, CodeBook actions)
    {
        var milestones = new List<Milestone>();
        if (sheet is null || !sheet.Has(Action))
        {
            return milestones;
        }

        foreach (var row in sheet.Rows)
        {
            var action = ActionsSheet.Resolve(row, Action, actions, "the Actions sheet", "give the code of the action the milestone belongs to.");
            var name = row.Required(Name, "say what is to be done by the due date.");
            var due = ActionsSheet.Date(row, Due);
            if (due is null && row.Text(Due) is null)
            {
                row.Required(Due, "give the date the milestone is due.");
            }

            if (row.IsValid)
            {
                milestones.Add(new Milestone(action!, name!, due!.Value));
            }
        }

        return milestones;
    }
}
