using Pmf.Pipeline.Alerts;
using Pmf.Pipeline.Feedback;
using Pmf.Pipeline.FollowUp;

namespace Pmf.Pipeline.Jobs;

/// <summary>What one sweep did.</summary>
/// <param name="AsOf">The instant it swept as of.</param>
/// <param name="Today">The UK date of that instant.</param>
/// <param name="Changes">Follow-ups raised, escalated, resolved and still open.</param>
/// <param name="Digests">One outcome per digest attempted.</param>
/// <param name="Feedback">One outcome per sender's report that was still owed and attempted.</param>
public sealed record SweepOutcome(
    DateTimeOffset AsOf, DateOnly Today, SweepChanges Changes, IReadOnlyList<DigestOutcome> Digests, IReadOnlyList<FeedbackOutcome> Feedback);
