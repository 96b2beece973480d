namespace Pmf.Pipeline.Catalogue;

/// <summary>
/// A council's Performance Management Framework as one catalogue workbook describes it: councils,
/// priorities and objectives, services, indicators and targets, and optionally the committees that
/// receive its reports. Only ever built from a catalogue that validated without errors.
/// </summary>
public sealed record Framework(
    IReadOnlyList<Council> Councils,
    IReadOnlyList<Priority> Priorities,
    IReadOnlyList<Service> Services,
    IReadOnlyList<Indicator> Indicators,
    IReadOnlyList<Target> Targets)
{
    /// <summary>The committees that receive performance reports; empty when the catalogue has no Committees sheet.</summary>
    public IReadOnlyList<Committee> Committees { get; init; } = [];

    /// <summary>What each committee receives besides the indicators whose Committee column names it.</summary>
    public IReadOnlyList<CommitteeItem> CommitteeItems { get; init; } = [];

    /// <summary>The delivery plans' actions and projects; empty when the catalogue has no Actions sheet.</summary>
    public IReadOnlyList<DeliveryAction> Actions { get; init; } = [];

    /// <summary>The actions' milestones with their due dates.</summary>
    public IReadOnlyList<Milestone> Milestones { get; init; } = [];
}
