namespace Pmf.Pipeline.FollowUp;

/// <summary>One change to a follow-up, as <c>follow_up_event</c> records it.</summary>
/// <param name="At">When (UTC).</param>
/// <param name="Action">Raised, Escalated, Acknowledged, Resolved or Reopened.</param>
/// <param name="Status">The status it left the follow-up in.</param>
/// <param name="Level">The escalation level then.</param>
/// <param name="Actor">Who: a person, or <c>sweep</c>.</param>
/// <param name="Note">What they wrote, or what the sweep recorded.</param>
public sealed record FollowUpEvent(DateTimeOffset At, string Action, string Status, int Level, string? Actor, string? Note)
{
    /// <summary>The e-mail address of the person who made the change on the web pages; null for the sweep, a command, or a change made before addresses were kept.</summary>
    public string? ActorEmail { get; init; }
}
