namespace Pmf.Pipeline.Quality;

/// <summary>
/// One data-quality finding, located to the cell and quoting what the sender typed, with a
/// message that says what is wrong and what to do.
/// </summary>
/// <param name="RuleId">The stable id of the rule, e.g. <c>DQ012</c>.</param>
/// <param name="Severity">Error rejects the row (or the file, for a structural rule); Warning loads it flagged.</param>
/// <param name="Message">What is wrong and what to do, in words for the sender.</param>
/// <param name="Sheet">The sheet, when the issue is in one.</param>
/// <param name="Row">The row as Excel shows it, when the issue is in one.</param>
/// <param name="Column">The column by its canonical name (<see cref="Returns.ReturnColumns"/>, whatever synonym the sender used), when the issue is in one.</param>
/// <param name="RawValue">The cell as the sender typed it (as Excel shows it: a percent-formatted 0.85 is <c>85%</c>).</param>
/// <param name="IndicatorCode">The indicator the row is about, when known.</param>
/// <param name="PeriodKey">The period the row is about, when known (canonical key).</param>
public sealed record QualityIssue(
    string RuleId,
    Severity Severity,
    string Message,
    string? Sheet = null,
    int? Row = null,
    string? Column = null,
    string? RawValue = null,
    string? IndicatorCode = null,
    string? PeriodKey = null);
