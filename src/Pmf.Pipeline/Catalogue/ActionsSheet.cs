using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Catalogue;

/// <summary>
/// The optional Actions sheet: <c>Code</c>, <c>Name</c>, <c>Council</c>, <c>Priority</c>, <c>Objective</c>,
/// <c>Service</c>, <c>Lead officer</c>, <c>Start</c>, <c>End</c>: the delivery plan's actions and projects.
/// </summary>
internal static class ActionsSheet
{
    public const string Code = "Code";
    public const string Name = "Name";
    public const string Priority = "Priority";
    public const string Objective = "Objective";
    public const string Service = "Service";
    public const string LeadOfficer = "Lead officer";
    public const string Start = "Start";
    public const string End = "End";

    public static SheetSpec Spec { get; } = new("Actions", ["Delivery plan", "Projects", "Delivery plan actions"],
    [
        ColumnSpec.Required(Code, "Action code", "Project code", "Ref"),
        ColumnSpec.Required(Name, "Action", "Project", "Action name"),
        ColumnSpec.Optional(CouncilColumn.Name, "Council code"),
        ColumnSpec.Required(Priority, "Priority code", "Theme"),
        ColumnSpec.Optional(Objective, "Objective code", "Strategic objective"),
        ColumnSpec.Required(Service, "Service code", "Owning service"),
        ColumnSpec.Optional(LeadOfficer, "Lead", "Responsible officer"),
        ColumnSpec.Optional(Start, "Start date"),
        ColumnSpec.Optional(End, "End date", "Due", "Due date", "Deadline"),
    ]);

    public static (List<DeliveryAction> Actions, CodeBook Book) Read(CatalogueSheet? sheet, CodeBook councils, PriorityBook priorities, CodeBook services, CodeBook indicators)
    {
        var actions = new List<DeliveryAction>();
        if (sheet is null || !sheet.Has(Code))
        {
            return (actions, sheet is null ? new CodeBook() : CodeBook.Unavailable);
        }

        CouncilColumn.CheckPresent(sheet, councils);
        var book = new CodeBook();
        foreach (var row in sheet.Rows)
        {
            var code = row.Required(Code, "give each action a code that is unique across the catalogue, e.g. A01.");
            var name = row.Required(Name, "give the action as the delivery plan words it.");
            var council = CouncilColumn.Resolve(row, councils);
            var (priority, objective) = Place(row, council, priorities);
            var service = Resolve(row, Service, services, "the Services sheet", "give the code of the service that delivers the action.");
            var start = Date(row, Start);
            var end = Date(row, End);
            if (start is { } s && end is { } e && e < s)
            {
                row.Error(End, $"End ({e:dd/MM/yyyy}) is before Start ({s:dd/MM/yyyy}); correct one of them.");
            }

            if (code is not null && CatalogueCode.Check(row, Code, "Action", code))
            {
                if (indicators.Resolve(code) is { } taken && string.Equals(taken, code, StringComparison.OrdinalIgnoreCase))
                {
                    row.Error(Code, $"Action code '{code}' is already an indicator's code; give the action a code of its own.");
                }
                else if (!book.TryAdd(code, name, row.Number, out var first))
                {
                    row.Error(Code, $"Action code '{code}' is already used in row {first}; give each action its own code.");
                }
            }

            if (row.IsValid)
            {
                actions.Add(new DeliveryAction(code!, name!, council!, priority!, objective, service!, row.Text(LeadOfficer), start, end));
            }
        }

        return (actions, book);
    }

    /// <summary>A date cell, or null when blank; a cell that is not a date is reported.</summary>
    internal static DateOnly? Date(CatalogueRow row, string column)
    {
        var cell = row.Cell(column);
        if (cell.IsBlank)
        {
            return null;
        }

        if (CellValues.TryReadDate(cell, out var date))
        {
            return date;
        }

        row.Error(column, $"{column} '{cell.Text}' is not a date; enter a date such as 31/03/2027.");
        return null;
    }

    internal static string? Resolve(CatalogueRow row, string column, CodeBook book, string where, string hint)
    {
        var text = row.Required(column, hint);
        if (text is null || !book.IsAvailable)
        {
            return text;
        }

        var code = book.Resolve(text);
        if (code is null)
        {
            row.Error(column, $"{column} '{text}' is not on {where}; use one of its codes ({book.Listing()}).");
        }

        return code;
    }

    private static (string? Priority, string? Objective) Place(CatalogueRow row, string? council, PriorityBook book)
    {
        if (council is null || !book.IsAvailable)
        {
            return (row.Text(Priority), row.Text(Objective));
        }

        var priority = Resolve(row, Priority, book.Priorities(council), $"the Priorities sheet for council {council}", "give the code of the priority the action delivers.");
        var objectiveText = row.Text(Objective);
        if (priority is null || objectiveText is null)
        {
            return (priority, null);
        }

        var objective = book.Objectives(council).Resolve(objectiveText);
        if (objective is null || !string.Equals(book.PriorityOf(council, objective), priority, StringComparison.OrdinalIgnoreCase))
        {
            row.Error(Objective, $"Objective '{objectiveText}' is not an objective of priority {priority} for council {council}; correct the Priority or the Objective.");
            return (priority, null);
        }

        return (priority, objective);
    }
}
