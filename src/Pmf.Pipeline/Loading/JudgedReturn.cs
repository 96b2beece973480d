using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Loading;

/// <summary>A return's verdict as committed, with its report owed.</summary>
/// <param name="Summary">What the warehouse recorded.</param>
/// <param name="Resumed">
/// True when an earlier, interrupted run committed this verdict (its report may have gone since);
/// false when this run just committed it, so the report is owed now.
/// </param>
/// <param name="Fault">For a file the pipeline failed on, the failure; null otherwise.</param>
public sealed record JudgedReturn(SubmissionLoadSummary Summary, bool Resumed, Exception? Fault = null);
