using System.Text.RegularExpressions;
using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Returns;

/// <summary>
/// Finds periods stated above the header: <c>Period: 2025/26 Q1</c> in one cell; <c>Period:</c> with the value
/// in the next non-blank cell of the row; or a bare <c>Period</c> label whose row holds just it and the value.
/// The label may also be a Period column synonym (Quarter, Month, Reporting period).
/// </summary>
internal static partial class StatedPeriods
{
    private static readonly HashSet<string> Labels = ["period", "quarter", "month", "reportingperiod"];

    public static IReadOnlyList<ReturnStatedPeriod> Find(IEnumerable<WorkbookRow> rowsAbove)
    {
        var found = new List<ReturnStatedPeriod>();
        foreach (var row in rowsAbove)
        {
            if (InRow(row) is { } value)
            {
                found.Add(new ReturnStatedPeriod(row.RowNumber, value));
            }
        }

        return found;
    }

    /// <summary>True when two statements name different periods (compared as written, ignoring case and spaces).</summary>
    public static bool Conflict(IReadOnlyList<ReturnStatedPeriod> stated) =>
        stated.Select(s => ColumnName.Normalise(s.Value.Text)).Distinct(StringComparer.Ordinal).Skip(1).Any();

    private static WorkbookCell? InRow(WorkbookRow row)
    {
        for (var i = 0; i < row.Cells.Count; i++)
        {
            if (row.Cells[i].Value is not string text)
            {
                continue;
            }

            var labelled = Labelled().Match(text);
            if (labelled.Success && Labels.Contains(ColumnName.Normalise(labelled.Groups["label"].Value)))
            {
                var rest = labelled.Groups["rest"].Value.Trim();
                return rest.Length > 0 ? new WorkbookCell(rest, null) : NextNonBlank(row, i);
            }

            var isBareLabel = Labels.Contains(ColumnName.Normalise(text)) && row.Cells.Count(c => !c.IsBlank) == 2;
            if (isBareLabel)
            {
                return NextNonBlank(row, i);
            }
        }

        return null;
    }

    private static WorkbookCell? NextNonBlank(WorkbookRow row, int after)
    {
        for (var j = after + 1; j < row.Cells.Count; j++)
        {
            if (!row.Cells[j].IsBlank)
            {
                return row.Cells[j];
            }
        }

        return null;
    }

    // A short label, a colon, then anything (possibly nothing): "Period: 2025/26 Q1", "Reporting period :".
    [GeneratedRegex(@"^\s*(?<label>[^:\r\n]{1,40}?)\s*:(?<rest>.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Labelled();
}
