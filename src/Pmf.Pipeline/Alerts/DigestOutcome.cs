namespace Pmf.Pipeline.Alerts;

/// <summary>What happened to one digest.</summary>
/// <param name="ServiceCode">The service it was for.</param>
/// <param name="Recipients">Who it went to.</param>
/// <param name="Subject">Its subject.</param>
/// <param name="Items">How many follow-ups it carried.</param>
/// <param name="Error">Why it did not go, or null when it went.</param>
public sealed record DigestOutcome(string ServiceCode, IReadOnlyList<string> Recipients, string Subject, int Items, string? Error)
{
    /// <summary>True when the message went.</summary>
    public bool Sent => Error is null;
}
