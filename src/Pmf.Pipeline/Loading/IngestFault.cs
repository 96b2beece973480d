using System.Data.Common;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Loading;

/// <summary>
/// What an ingest does with a failure it did not foresee. A failure of the things around the file
/// (storage, the database, the network) is thrown, so the host tries the file again (the Functions
/// poison threshold, <c>pmf serve</c>'s tries, the next <c>pmf ingest</c>). Anything else (a value the
/// code cannot handle, a bug) would fail the same way on every try, so the file gets a verdict of its
/// own instead: rejected with <see cref="QualityRules.NotProcessed"/>, reported and moved out of returns/.
/// </summary>
internal static class IngestFault
{
    /// <summary>The reason the sender reads.</summary>
    public static string Reason(long reference) => string.Create(
        CultureInfo.InvariantCulture,
        $"PMF could not process this file because of an unexpected fault in the pipeline, not a problem found in your data; nothing from it was loaded. The performance team has the details (reference {reference}); send the file again once they tell you the fault is fixed.");

    /// <summary>The rejection of submission <paramref name="reference"/>: the reason, and the file-level issue the report lists.</summary>
    public static Refusal Refusal(long reference)
    {
        var reason = Reason(reference);
        return new Refusal(reason, QualityRules.NotProcessed.FileIssue(reason));
    }

    /// <summary>
    /// True when <paramref name="error"/> came from storage, the database or the network (worth trying
    /// again as it is), false when it came from the file's own processing.
    /// </summary>
    public static bool IsEnvironment(Exception error) => error switch
    {
        IOException or DbException or TimeoutException or HttpRequestException or SocketException or UnauthorizedAccessException => true,
        OperationCanceledException => true, // a timeout on the way (a cancellation asked for is never caught as a fault)
        Azure.RequestFailedException or Azure.Identity.AuthenticationFailedException => true,
        WarehouseException { InnerException: { } inner } => IsEnvironment(inner),
        AggregateException all => all.InnerExceptions.Count > 0 && all.InnerExceptions.All(IsEnvironment),
        _ => false,
    };

    /// <summary>
    /// Stands in for the content hash of a file that could not even be read: unique to this version of
    /// this file, so it never matches another file's content as a duplicate.
    /// </summary>
    public static string UnreadHash(ReturnPath path, StoredFileInfo info) =>
        "UNREAD-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{path.Stored}\n{info.Version}")));
}
