namespace Pmf.Pipeline.PowerBi;

/// <summary>What <see cref="PowerBiRefresher"/> did on one call.</summary>
public enum RefreshStep
{
    /// <summary>No load is waiting for a refresh.</summary>
    NothingToRefresh,

    /// <summary>A refresh is owed but the interval (or a Retry-After) has not passed; a later tick sends it.</summary>
    Waiting,

    /// <summary>The refresh was requested and accepted.</summary>
    Requested,

    /// <summary>The request was throttled, found a refresh running, or failed; it is tried again after <see cref="RefreshOutcome.NotBefore"/>.</summary>
    Retrying,
}

/// <summary>One call's outcome.</summary>
/// <param name="Step">What happened.</param>
/// <param name="Answer">The API's answer, when a request was sent.</param>
/// <param name="NotBefore">When the next request may go.</param>
public sealed record RefreshOutcome(RefreshStep Step, RefreshAnswer? Answer, DateTimeOffset NotBefore);
