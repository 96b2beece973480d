namespace Pmf.Pipeline.Feedback;

/// <summary>What happened to one sender's report sent by mail.</summary>
/// <param name="SubmissionId">The submission it reported on.</param>
/// <param name="FileName">The file, as the sender named it.</param>
/// <param name="Recipients">Who it went to.</param>
/// <param name="Error">Why it did not go, or null when it went.</param>
public sealed record FeedbackOutcome(long SubmissionId, string FileName, IReadOnlyList<string> Recipients, string? Error)
{
    /// <summary>True when the message went.</summary>
    public bool Sent => Error is null;
}
