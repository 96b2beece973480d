namespace Pmf.Pipeline.FollowUp;

/// <summary>What a follow-up is about; the warehouse stores the constant's text in <c>follow_up.kind</c>.</summary>
public static class FollowUpKind
{
    /// <summary>A return indicator has no accepted value for a period whose due date has passed (or is near: a reminder).</summary>
    public const string Late = "Late";

    /// <summary>As <see cref="Late"/>, for an indicator fed by a service system whose pull failed or brought nothing.</summary>
    public const string Freshness = "Freshness";

    /// <summary>The latest result is Red.</summary>
    public const string Red = "Red";

    /// <summary>Red for two periods running and the latest result gives no remedial action.</summary>
    public const string RedWithoutAction = "RedWithoutAction";

    /// <summary>Worse three periods running: the latest two results each worse than the one before.</summary>
    public const string Worsening = "Worsening";

    /// <summary>The latest result of a quantitative indicator with a polarity has no target for its period.</summary>
    public const string NoTarget = "NoTarget";

    /// <summary>Error rows for an indicator and period that no later submission has corrected.</summary>
    public const string DataQuality = "DataQuality";

    /// <summary>
    /// A delivery-plan action's milestone is past its due date and no update since then says the action is on
    /// track or complete. Keyed by the action's code, the quarter the milestone fell due in and the milestone
    /// (its name), so two milestones due in one quarter are two follow-ups.
    /// </summary>
    public const string Milestone = "Milestone";

    /// <summary>Kinds about a missing return or feed, which start as reminders before their due date.</summary>
    public static IReadOnlyList<string> Overdue { get; } = [Late, Freshness];

    /// <summary>Kinds about how an indicator is performing.</summary>
    public static IReadOnlyList<string> Failing { get; } = [Red, RedWithoutAction, Worsening, NoTarget];

    /// <summary>Every kind the sweep raises.</summary>
    public static IReadOnlyList<string> All { get; } = [Late, Freshness, Red, RedWithoutAction, Worsening, NoTarget, DataQuality, Milestone];

    /// <summary>
    /// True when a head of service may resolve a follow-up of this kind by hand, with a note: a judgement
    /// about performance (Red, worsening, no target) is theirs to close once answered. A missing return or
    /// feed and uncorrected data-quality errors are facts the data clears by itself when it arrives; only the
    /// performance team closes those by hand (<c>pmf followup resolve</c>, or the team's web page), e.g. when a
    /// return is no longer required. The catalogue has no setting for this: nothing in it decided it before.
    /// </summary>
    public static bool ResolvableByHeadOfService(string kind) => Failing.Contains(kind);

    /// <summary>A phrase for people: "Red two periods running without remedial action".</summary>
    public static string Describe(string kind) => kind switch
    {
        Late => "Return overdue",
        Freshness => "Service-system feed missing",
        Red => "Red",
        RedWithoutAction => "Red two periods running without remedial action",
        Worsening => "Worse three periods running",
        NoTarget => "No target for the period",
        DataQuality => "Data-quality errors not corrected",
        Milestone => "Delivery-plan milestone overdue",
        _ => kind,
    };
}
