namespace Pmf.Pipeline.FollowUp;

/// <summary>A follow-up and everything that happened to it, oldest first: what <c>pmf followup show</c> and its web page show.</summary>
/// <param name="FollowUp">The follow-up as it stands.</param>
/// <param name="Events">Its changes, with who, when and their notes.</param>
public sealed record FollowUpHistory(FollowUpRecord FollowUp, IReadOnlyList<FollowUpEvent> Events);
