namespace Pmf.Pipeline.Storage;

/// <summary>
/// The containers (local store: top-level folders) every host uses. The Functions app binds its
/// triggers to these constants, so a name is changed here or nowhere.
/// </summary>
public static class StorageContainers
{
    /// <summary>Where services drop returns, as <c>returns/&lt;service code&gt;/&lt;file&gt;</c>.</summary>
    public const string Returns = "returns";

    /// <summary>Where a return goes once it has been read, with its report beside it.</summary>
    public const string Processed = "processed";

    /// <summary>Where a return goes when it could not be read at all, with the reason beside it.</summary>
    public const string Rejected = "rejected";

    /// <summary>Where the catalogue workbook is dropped.</summary>
    public const string Catalogue = "catalogue";

    /// <summary>The blob trigger path for returns: <c>returns/{service}/{name}</c>.</summary>
    public const string ReturnsTriggerPath = Returns + "/{service}/{name}";

    /// <summary>Every container, in the order they are created.</summary>
    public static IReadOnlyList<string> All { get; } = [Returns, Processed, Rejected, Catalogue];

    /// <summary>The container a completed return moves to.</summary>
    public static string For(ReturnDestination destination) => destination switch
    {
        ReturnDestination.Processed => Processed,
        ReturnDestination.Rejected => Rejected,
        _ => throw new ArgumentOutOfRangeException(nameof(destination), destination, "A return is completed to processed or rejected."),
    };
}
