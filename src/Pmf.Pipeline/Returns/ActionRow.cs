using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Returns;

/// <summary>One row of a return's Actions sheet as the sender typed it; the gate interprets it.</summary>
/// <param name="Sheet">The sheet.</param>
/// <param name="RowNumber">The row as Excel shows it.</param>
/// <param name="Action">The action code cell.</param>
/// <param name="Period">The period cell, or the period stated above the header.</param>
/// <param name="Status">The status cell.</param>
/// <param name="PercentComplete">The percentage complete cell.</param>
/// <param name="Commentary">The commentary cell.</param>
/// <param name="RevisedDate">The revised date cell.</param>
/// <param name="RevisionReason">The reason for the revised date.</param>
/// <param name="CompletionDate">The completion date cell.</param>
public sealed record ActionRow(
    string Sheet,
    int RowNumber,
    WorkbookCell Action,
    WorkbookCell Period,
    WorkbookCell Status,
    WorkbookCell PercentComplete,
    WorkbookCell Commentary,
    WorkbookCell RevisedDate,
    WorkbookCell RevisionReason,
    WorkbookCell CompletionDate)
{
    /// <summary>
    /// True when no update was typed on the row: at most its action code (a template's pre-filled row left as
    /// it was) and its period. Such a row says nothing and is skipped.
    /// </summary>
    public bool IsBlank => Status.IsBlank && PercentComplete.IsBlank && Commentary.IsBlank
        && RevisedDate.IsBlank && RevisionReason.IsBlank && CompletionDate.IsBlank;
}
