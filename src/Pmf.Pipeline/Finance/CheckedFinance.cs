using Pmf.Pipeline.Quality;

namespace Pmf.Pipeline.Finance;

/// <summary>One Finance row after the gate: what loads from it (when nothing rejected it) and what the sender should fix.</summary>
/// <param name="Source">The row as typed.</param>
/// <param name="Line">What loads; null when an Error rejected the row.</param>
/// <param name="Issues">Every finding on the row.</param>
public sealed record CheckedFinance(FinanceRow Source, FinanceLine? Line, IReadOnlyList<QualityIssue> Issues)
{
    /// <summary>Loaded or rejected, as the gate counts rows.</summary>
    public RowOutcome Outcome => Line is not null ? RowOutcome.Loaded
        : Issues.Any(i => i.Severity == Severity.Error) ? RowOutcome.Rejected
        : RowOutcome.Repeat;
}
