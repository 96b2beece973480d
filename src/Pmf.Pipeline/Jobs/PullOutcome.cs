using Pmf.Pipeline.Sources;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Jobs;

/// <summary>What one pull from one source did.</summary>
/// <param name="Run">The run as recorded in <c>source_run</c>, with its id in <paramref name="RunId"/>.</param>
/// <param name="RunId">The <c>source_run</c> row.</param>
/// <param name="Load">What the warehouse recorded for the submission, when records reached the gate.</param>
public sealed record PullOutcome(SourceRun Run, long RunId, SubmissionLoadSummary? Load)
{
    /// <summary>The source's name.</summary>
    public string Source => Run.SourceName;

    /// <summary>How the pull ended.</summary>
    public SourceRunOutcome Outcome => Run.Outcome;

    /// <summary>True when the pull failed or its records were rejected or missing: a freshness concern.</summary>
    public bool IsProblem => Outcome is SourceRunOutcome.Failed or SourceRunOutcome.Rejected or SourceRunOutcome.Empty;
}
