namespace Pmf.Pipeline.PowerBi;

/// <summary>What the Power BI REST API said to one refresh request.</summary>
public enum RefreshAnswerKind
{
    /// <summary>202 Accepted: the refresh is queued.</summary>
    Started,

    /// <summary>429 Too Many Requests: try again after the Retry-After it gave.</summary>
    Throttled,

    /// <summary>A refresh of the model is already running (409, or 400 saying so).</summary>
    AlreadyRunning,

    /// <summary>Anything else: an error status, no answer, or no token.</summary>
    Failed,
}

/// <summary>One answer of the refresh API.</summary>
/// <param name="Kind">What it amounts to.</param>
/// <param name="Status">The HTTP status, when there was an answer.</param>
/// <param name="RetryAfter">For <see cref="RefreshAnswerKind.Throttled"/>: how long the API asked us to wait.</param>
/// <param name="Detail">The error, for the log.</param>
public sealed record RefreshAnswer(RefreshAnswerKind Kind, int? Status = null, TimeSpan? RetryAfter = null, string? Detail = null);
