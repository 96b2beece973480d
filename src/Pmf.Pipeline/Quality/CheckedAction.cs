using Pmf.Pipeline.Returns;

namespace Pmf.Pipeline.Quality;

/// <summary>One row of the Actions sheet after the gate.</summary>
/// <param name="Source">The row as typed.</param>
/// <param name="Outcome">Loaded, rejected or a repeat.</param>
/// <param name="Progress">What loads; present exactly when <paramref name="Outcome"/> is <see cref="RowOutcome.Loaded"/>.</param>
/// <param name="Issues">Every finding on the row.</param>
public sealed record CheckedAction(ActionRow Source, RowOutcome Outcome, AcceptedActionProgress? Progress, IReadOnlyList<QualityIssue> Issues);
