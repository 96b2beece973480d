namespace Pmf.Pipeline.Sources;

/// <summary>One pull as <c>source_run</c> records it.</summary>
public sealed record SourceRun
{
    /// <summary>The source.</summary>
    public required string SourceName { get; init; }

    /// <summary><c>rest</c> or <c>sql</c>.</summary>
    public required string SourceKind { get; init; }

    /// <summary>The instant the pull was made as of.</summary>
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>When it started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When it finished.</summary>
    public required DateTimeOffset FinishedAt { get; init; }

    /// <summary>How it ended.</summary>
    public required SourceRunOutcome Outcome { get; init; }

    /// <summary>The first open period asked for.</summary>
    public string? PeriodsFrom { get; init; }

    /// <summary>The last open period asked for.</summary>
    public string? PeriodsTo { get; init; }

    /// <summary>Requests made (pages, queries).</summary>
    public int Requests { get; init; }

    /// <summary>Attempts made, retries included.</summary>
    public int Attempts { get; init; }

    /// <summary>Records the source gave.</summary>
    public int RecordsRead { get; init; }

    /// <summary>The submission the records made, when they were loaded or rejected (or the earlier one, when unchanged).</summary>
    public long? SubmissionId { get; init; }

    /// <summary>Why, in a sentence, when it failed, was rejected or came back empty. Never holds a secret.</summary>
    public string? Message { get; init; }
}
