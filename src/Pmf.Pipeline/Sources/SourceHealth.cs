namespace Pmf.Pipeline.Sources;

/// <summary>How a source has fared lately: what the sweep needs to raise a freshness follow-up.</summary>
/// <param name="SourceName">The source.</param>
/// <param name="LastRunAt">When it was last pulled.</param>
/// <param name="LastOutcome">How that pull ended.</param>
/// <param name="LastMessage">What that pull's record says, if anything.</param>
/// <param name="LastSuccessAt">When a pull last succeeded (loaded, unchanged), within the window looked at; null if none did.</param>
/// <param name="ProblemRunsInARow">Runs since the last success that failed, were rejected or came back empty.</param>
public sealed record SourceHealth(
    string SourceName,
    DateTimeOffset LastRunAt,
    SourceRunOutcome LastOutcome,
    string? LastMessage,
    DateTimeOffset? LastSuccessAt,
    int ProblemRunsInARow)
{
    /// <summary>True when the source's latest runs have all been problems.</summary>
    public bool IsStale => ProblemRunsInARow > 0;
}
