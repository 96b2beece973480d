using System.Text.RegularExpressions;
using Pmf.Pipeline.Loading;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Cli.Serve;

/// <summary>
/// On a local folder store, <c>returns/&lt;SERVICE&gt;/</c> is made for every service in the
/// catalogue when <c>pmf serve</c> starts, so an officer (or a shared drive's permissions) has the
/// folder to drop into. A blob store has no folders to make.
/// </summary>
internal static partial class ServiceFolders
{
    /// <summary>Makes the folders missing under <paramref name="root"/>; returns how many were made.</summary>
    public static async Task<int> EnsureAsync(string root, WarehouseDatabase warehouse, CancellationToken cancellationToken)
    {
        var codes = await ReturnService.CodesAsync(warehouse, cancellationToken);
        var made = 0;
        foreach (var code in codes.Where(c => SafeCode().IsMatch(c)))
        {
            var folder = Path.Combine(root, StorageContainers.Returns, code);
            if (!Directory.Exists(folder))
            {
                Directory.CreateDirectory(folder);
                made++;
            }
        }

        return made;
    }

    // A code that is not a plain name never becomes a folder (the catalogue's validator refuses it anyway).
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex SafeCode();
}
