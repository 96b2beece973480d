namespace Pmf.Pipeline.Warehouse;

/// <summary>What loading a catalogue did to the warehouse.</summary>
/// <param name="Unchanged">True when the same catalogue was already loaded: nothing was written.</param>
/// <param name="CatalogueLoadId">The catalogue_load row written, or the earlier one when unchanged.</param>
/// <param name="Councils">Councils in the catalogue.</param>
/// <param name="Priorities">Priority and objective rows in the catalogue.</param>
/// <param name="Services">Services in the catalogue.</param>
/// <param name="Indicators">Indicators in the catalogue.</param>
/// <param name="Targets">Targets as resolved to the indicators' own periods.</param>
/// <param name="IndicatorsAdded">Indicators new to the warehouse.</param>
/// <param name="IndicatorsChanged">Indicators whose definition changed: a new version from the effective date.</param>
/// <param name="IndicatorsRetired">Indicators no longer in the catalogue: their current version was closed.</param>
/// <param name="EffectiveFrom">The day new definitions take effect.</param>
public sealed record CatalogueLoadSummary(
    bool Unchanged,
    long CatalogueLoadId,
    int Councils,
    int Priorities,
    int Services,
    int Indicators,
    int Targets,
    int IndicatorsAdded,
    int IndicatorsChanged,
    int IndicatorsRetired,
    DateOnly EffectiveFrom)
{
    /// <summary>Targets this load changed (a new version beside the old) or no longer sets.</summary>
    public IReadOnlyList<TargetChange> TargetChanges { get; init; } = [];
}
