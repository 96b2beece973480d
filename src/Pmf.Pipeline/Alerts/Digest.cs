using Pmf.Pipeline.FollowUp;

namespace Pmf.Pipeline.Alerts;

/// <summary>One head of service's digest for one sweep: the items that are new, escalated, out of cool-down or resolved.</summary>
/// <param name="ServiceCode">The service.</param>
/// <param name="ServiceName">Its name.</param>
/// <param name="HeadOfService">The head of service's name.</param>
/// <param name="HeadOfServiceEmail">Their address.</param>
/// <param name="Director">The director's name, if known.</param>
/// <param name="DirectorEmail">The director's address, if known.</param>
/// <param name="AsOf">The sweep's instant.</param>
/// <param name="Items">The items, every section together.</param>
public sealed record Digest(
    string ServiceCode,
    string ServiceName,
    string HeadOfService,
    string HeadOfServiceEmail,
    string? Director,
    string? DirectorEmail,
    DateTimeOffset AsOf,
    IReadOnlyList<DigestItem> Items)
{
    /// <summary>Where each item's page is; <see cref="Web.WebLinks.None"/> when the pages' address is not set.</summary>
    public Web.WebLinks Links { get; init; } = Web.WebLinks.None;

    /// <summary>The page of an item's follow-up, where it is acknowledged or resolved; null without links.</summary>
    public string? FollowUpLink(DigestItem item) => Links.FollowUp(item.FollowUpId);

    /// <summary>The page of a failing item's result, where a commentary and remedial action are added; null without links or for other kinds.</summary>
    public string? ResultLink(DigestItem item) =>
        item is { Rag: not null } && FollowUpKind.Failing.Contains(item.Kind) ? Links.Result(item.CouncilCode, item.IndicatorCode, item.PeriodCode) : null;

    /// <summary>Returns due within the reminder window.</summary>
    public IEnumerable<DigestItem> DueSoon => Open.Where(i => FollowUpKind.Overdue.Contains(i.Kind) && i.Level == EscalationLevel.Reminder);

    /// <summary>Returns and feeds past their due date.</summary>
    public IEnumerable<DigestItem> Overdue => Open.Where(i => FollowUpKind.Overdue.Contains(i.Kind) && i.Level > EscalationLevel.Reminder);

    /// <summary>Uncorrected data-quality errors.</summary>
    public IEnumerable<DigestItem> DataQuality => Open.Where(i => i.Kind == FollowUpKind.DataQuality);

    /// <summary>Failing indicators: Red, Red without remedial action, or no target to judge against.</summary>
    public IEnumerable<DigestItem> Failing => Open.Where(i => FollowUpKind.Failing.Contains(i.Kind) && i.Kind != FollowUpKind.Worsening);

    /// <summary>
    /// Indicators worse three periods running: a warning, not a failure. A Green result may be worsening,
    /// so these are never listed under failing indicators.
    /// </summary>
    public IEnumerable<DigestItem> Worsening => Open.Where(i => i.Kind == FollowUpKind.Worsening);

    /// <summary>Delivery-plan milestones past their due date with no update since saying the action is on track or complete.</summary>
    public IEnumerable<DigestItem> Milestones => Open.Where(i => i.Kind == FollowUpKind.Milestone);

    /// <summary>Resolved since the last digest that showed them.</summary>
    public IEnumerable<DigestItem> Resolved => Items.Where(i => i.Status == FollowUpStatus.Resolved);

    /// <summary>The highest escalation level among the open items.</summary>
    public int Level => Open.Select(i => i.Level).DefaultIfEmpty(EscalationLevel.HeadOfService).Max();

    private IEnumerable<DigestItem> Open => Items.Where(i => i.Status != FollowUpStatus.Resolved);
}
