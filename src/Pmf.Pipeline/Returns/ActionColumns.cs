using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Returns;

/// <summary>
/// The columns of a return's Actions sheet (docs/formats.md, "Actions sheet"): a service's progress on its
/// delivery-plan actions. Names are compared as <see cref="ColumnName.Normalise"/> does.
/// </summary>
public static class ActionColumns
{
    /// <summary>The action's code in the catalogue.</summary>
    public const string Action = "Action";

    /// <summary>The period the update is for (unless one period is stated above the header).</summary>
    public const string Period = "Period";

    /// <summary>Not started, On track, At risk, Off track or Complete.</summary>
    public const string Status = "Status";

    /// <summary>How far through the action is, 0 to 100.</summary>
    public const string PercentComplete = "Percent complete";

    /// <summary>What has happened, and for an action at risk or off track, why and what is being done.</summary>
    public const string Commentary = "Commentary";

    /// <summary>The date the action will now be delivered by, when it has moved.</summary>
    public const string RevisedDate = "Revised date";

    /// <summary>Why the date moved.</summary>
    public const string RevisionReason = "Reason for revised date";

    /// <summary>When a complete action was completed.</summary>
    public const string CompletionDate = "Completion date";

    /// <summary>Every column, in documented order, with its synonyms.</summary>
    public static IReadOnlyList<ColumnSpec> All { get; } =
    [
        ColumnSpec.Required(Action, "Action code", "Project", "Project code", "Action ref"),
        ColumnSpec.Optional(Period, "Quarter", "Reporting period"),
        ColumnSpec.Required(Status, "Delivery status", "Progress status", "RAG"),
        ColumnSpec.Optional(PercentComplete, "% complete", "Percentage complete", "Per cent complete", "Progress %", "% done"),
        ColumnSpec.Optional(Commentary, "Comment", "Narrative", "Notes", "Progress update", "Update"),
        ColumnSpec.Optional(RevisedDate, "Revised end date", "Revised due date", "New date", "Revised completion date"),
        ColumnSpec.Optional(RevisionReason, "Reason for revision", "Revision reason", "Reason for change", "Reason"),
        ColumnSpec.Optional(CompletionDate, "Completed on", "Date completed", "Actual completion date", "Completed"),
    ];

    /// <summary>Reads header rows against <see cref="All"/>.</summary>
    internal static HeaderMatcher Matcher { get; } = new(All);

    /// <summary>The sheet names that hold action updates (compared normalised).</summary>
    internal static bool IsActionsSheetName(string name) =>
        ColumnName.Normalise(name) is "actions" or "actionprogress" or "actionupdates" or "deliveryplan" or "deliveryplanactions";

    /// <summary>The column list a sender is told to use.</summary>
    internal static string Expected =>
        "Action (or Action code, Project), Status (Not started, On track, At risk, Off track or Complete), Period (or a line "
        + "above the header such as 'Period: 2026/27 Q2'); optionally Percent complete, Commentary, Revised date, "
        + "Reason for revised date, Completion date";
}
