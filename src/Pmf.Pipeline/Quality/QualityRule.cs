using Pmf.Pipeline.Returns;
using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Quality;

/// <summary>
/// One data-quality rule as reports and documentation list it. The id is stable: follow-ups,
/// dashboards and senders' own checklists refer to it, so a rule is never renumbered.
/// </summary>
/// <param name="Id">The stable id, e.g. <c>DQ011</c>.</param>
/// <param name="Name">A short name, e.g. <c>Unknown indicator</c>.</param>
/// <param name="Severity">Error rejects the row (or the file, for a file-level rule); Warning loads it flagged.</param>
/// <param name="Description">What the rule checks, in a sentence for a sender or an analyst.</param>
public sealed record QualityRule(string Id, string Name, Severity Severity, string Description)
{
    /// <summary>An issue raised by this rule that is not located in a row (a file-level finding).</summary>
    public QualityIssue FileIssue(string message, string? sheet = null, string? column = null) =>
        new(Id, Severity, message, sheet, Column: column);

    /// <summary>An issue raised by this rule on a cell of a return row.</summary>
    internal QualityIssue On(ReturnRow row, string column, WorkbookCell cell, string message, string? indicatorCode, string? periodKey) =>
        new(Id, Severity, message, row.Sheet, row.RowNumber, column, cell.Text, indicatorCode, periodKey);
}
