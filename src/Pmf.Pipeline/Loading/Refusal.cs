using Pmf.Pipeline.Quality;

namespace Pmf.Pipeline.Loading;

/// <summary>Why a submission is rejected whole, before any row is gated: the sender's reason and the file-level issue their report lists.</summary>
/// <param name="Reason">The verdict's reason, in a sentence for the sender.</param>
/// <param name="Issue">The issue recorded against the whole file.</param>
public sealed record Refusal(string Reason, QualityIssue Issue)
{
    /// <summary>A file that cannot be read as a return (<see cref="QualityRules.UnreadableReturn"/>).</summary>
    public static Refusal Unreadable(string reason, string? sheet = null) => new(reason, StructuralIssues.Unreadable(reason, sheet));
}
