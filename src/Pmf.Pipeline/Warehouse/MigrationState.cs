namespace Pmf.Pipeline.Warehouse;

/// <summary>What a migration run did to the warehouse.</summary>
public enum MigrationState
{
    /// <summary>The warehouse had no migrations applied; it now has the whole schema.</summary>
    Created,

    /// <summary>Some migrations were already applied; the newer ones have now been applied.</summary>
    Upgraded,

    /// <summary>Every migration was already applied; nothing ran.</summary>
    AlreadyCurrent,
}
