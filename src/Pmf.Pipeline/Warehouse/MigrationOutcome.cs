using System.Globalization;

namespace Pmf.Pipeline.Warehouse;

/// <summary>The result of <see cref="WarehouseDatabase.MigrateAsync"/>.</summary>
/// <param name="Location">The warehouse, as <see cref="IWarehouseDialect.Describe"/> names it.</param>
/// <param name="State">Created, upgraded or already current.</param>
/// <param name="ScriptsApplied">The scripts this run applied, in order (<c>0001_warehouse.sql</c>); empty when already current.</param>
public sealed record MigrationOutcome(string Location, MigrationState State, IReadOnlyList<string> ScriptsApplied)
{
    /// <summary>One sentence for the operator, e.g. "The warehouse at pmf.db is already current; no scripts were applied."</summary>
    public string Summary => State switch
    {
        MigrationState.AlreadyCurrent => $"The warehouse at {Location} is already current; no scripts were applied.",
        _ => string.Create(
            CultureInfo.InvariantCulture,
            $"The warehouse at {Location} was {(State == MigrationState.Created ? "created" : "upgraded")}: {ScriptsApplied.Count} script(s) applied ({string.Join(", ", ScriptsApplied)})."),
    };
}
