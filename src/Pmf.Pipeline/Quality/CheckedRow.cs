using Pmf.Pipeline.Returns;

namespace Pmf.Pipeline.Quality;

/// <summary>One return row after the gate: the row as typed, what loads from it, and what the sender should fix.</summary>
/// <param name="Source">The row as the reader produced it.</param>
/// <param name="Outcome">Whether it loads, was rejected, repeats an earlier row, or was blank.</param>
/// <param name="Result">The normalised, scored result to load; present exactly when <see cref="Outcome"/> is <see cref="RowOutcome.Loaded"/>.</param>
/// <param name="Issues">Every finding on the row, in the order the rules ran.</param>
public sealed record CheckedRow(ReturnRow Source, RowOutcome Outcome, AcceptedResult? Result, IReadOnlyList<QualityIssue> Issues)
{
    /// <summary>True when any issue on the row is an Error.</summary>
    public bool HasErrors => Issues.Any(i => i.Severity == Severity.Error);
}
