namespace Pmf.Pipeline.FollowUp;

/// <summary>What one sweep changed in the follow-ups, and what is open after it.</summary>
/// <param name="Raised">Follow-ups raised for the first time.</param>
/// <param name="Reopened">Follow-ups the sweep had resolved whose condition came back.</param>
/// <param name="Resolved">Follow-ups whose condition cleared.</param>
/// <param name="Escalated">Follow-ups that reached a higher escalation level.</param>
/// <param name="Open">Open and acknowledged follow-ups after the sweep, by kind, service and level.</param>
public sealed record SweepChanges(int Raised, int Reopened, int Resolved, int Escalated, IReadOnlyList<OpenFollowUps> Open);

/// <summary>How many follow-ups of one kind a service has open at one escalation level.</summary>
/// <param name="Kind">A <see cref="FollowUpKind"/>.</param>
/// <param name="ServiceCode">The owning service.</param>
/// <param name="Level">An <see cref="EscalationLevel"/>.</param>
/// <param name="Count">How many.</param>
public sealed record OpenFollowUps(string Kind, string ServiceCode, int Level, int Count);
