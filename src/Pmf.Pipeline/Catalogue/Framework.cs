namespace Pmf.Pipeline.Catalogue;

/// <summary>
/// A council's Performance Management Framework as one catalogue workbook describes it: councils,
/// priorities and objectives, services, indicators and targets. Only ever built from a catalogue
/// that validated without errors.
/// </summary>
public sealed record Framework(
    IReadOnlyList<Council> Councils,
    IReadOnlyList<Priority> Priorities,
    IReadOnlyList<Service> Services,
    IReadOnlyList<Indicator> Indicators,
    IReadOnlyList<Target> Targets);
