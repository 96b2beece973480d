using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Workbooks;

using Pmf.Pipeline.Returns;

namespace Pmf.Pipeline.Quality.Rules;

/// <summary>What an earlier row for the same indicator and period means for this one.</summary>
internal enum DuplicateOutcome
{
    /// <summary>The first row for its indicator and period.</summary>
    First,

    /// <summary>The same values as the first: DQ030; loaded once (this row loads only if the first was rejected).</summary>
    Repeat,

    /// <summary>Different values: DQ031 on every row for the key, and none of them loads.</summary>
    Conflict,
}

/// <summary>
/// DQ030 repeated row and DQ031 conflicting rows. A file gives one row per indicator and period.
/// The same values twice is a harmless slip: a Warning, and the first row loads once. Different
/// values are an Error on every row involved, the earlier ones included (the gate withdraws a row it
/// already handed on), because loading either value would be a guess about which one the sender meant.
/// </summary>
internal static class DuplicateCheck
{
    public static (DuplicateOutcome Outcome, FileEntry Entry) Register(RowDraft draft, FileMemory memory)
    {
        var fingerprint = Fingerprint.Of(draft);
        if (memory.Find(draft.Code!, draft.Period!) is not { } first)
        {
            return (DuplicateOutcome.First, memory.Add(draft.Code!, draft.Period!, draft.Row.Sheet, draft.Row.RowNumber, fingerprint));
        }

        var (column, cell) = ValueColumn(draft);
        if (!first.Conflicted && first.Fingerprint == fingerprint)
        {
            var advice = first.Loaded ? $"row {first.Row} (with its commentary) is recorded once. Delete this row" : "only one row is needed. Delete one of them";
            draft.Raise(QualityRules.RepeatedRow, column, cell, $"{draft.Subject} repeats row {first.Row} with the same values; {advice}.");
            return (DuplicateOutcome.Repeat, first);
        }

        var earlier = first.Value is { } value ? $" (value {Decimals.Show(value)})" : string.Empty;
        draft.Raise(QualityRules.ConflictingRows, column, cell,
            $"{draft.Subject} is also on row {first.Row}{earlier} with different values, so neither row is loaded: picking one would be a guess. Keep the right row, delete the other, and send the file again.");
        return (DuplicateOutcome.Conflict, first);
    }

    /// <summary>The issue for an earlier row, already handed on as loaded, that a later row now conflicts with.</summary>
    public static QualityIssue Withdrawal(FileEntry first, RowDraft later) => new(
        QualityRules.ConflictingRows.Id,
        QualityRules.ConflictingRows.Severity,
        $"{later.Subject} is given again on row {later.Row.RowNumber} with different values, so this row is withdrawn and neither is loaded. Keep the right row, delete the other, and send the file again.",
        first.Sheet,
        first.Row,
        ValueColumn(later).Column,
        first.Value is { } value ? Decimals.Show(value) : null,
        later.Code,
        first.Period.Key);

    private static (string Column, WorkbookCell Cell) ValueColumn(RowDraft draft) =>
        draft.Definition!.Type == IndicatorType.Qualitative
            ? (ReturnColumns.Status, draft.Row.Status)
            : (ReturnColumns.Value, draft.Row.Value);
}
