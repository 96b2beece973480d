using System.Security.Cryptography;
using System.Text;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Loading;

/// <summary>
/// Files not read as returns (an unsafe name, a place that is not a service folder, a link) still get a
/// verdict: a submission rejected with the reason, its report owed to the service (when the first folder
/// is one) or the performance team. The same drop judged before is found, never judged twice.
/// </summary>
/// <param name="warehouse">The warehouse.</param>
/// <param name="time">The clock.</param>
internal sealed class RefusedReturn(WarehouseDatabase warehouse, TimeProvider time)
{
    /// <summary>Where a file set aside without a service folder of its own goes in rejected/.</summary>
    public const string UnsortedFolder = "_unsorted";

    /// <summary>The verdict on <paramref name="waiting"/>, refused for <paramref name="problem"/>, and the folder it is set aside under.</summary>
    public async Task<(JudgedReturn Judged, string Folder)> JudgeAsync(WaitingFile waiting, string problem, CancellationToken cancellationToken)
    {
        var name = waiting.Name;
        var shown = NameRules.Display(name);
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        var service = slash > 0 ? await ReturnService.FindAsync(warehouse, name[..slash], cancellationToken) : null;
        var incoming = new IncomingSubmission
        {
            ContentHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"refused\n{name}\n{waiting.Version}"))),
            SourceKind = SubmissionSourceKind.Return,
            ServiceCode = service?.Code ?? Clip(slash > 0 ? SafeFileName.Of(name[..slash]) : UnsortedFolder, 50),
            FileName = Clip(shown, 260),
            BlobPath = Clip($"{StorageContainers.Returns}/{shown}", 1024),
            Sender = service?.HeadOfServiceEmail ?? "unknown sender",
            ReceivedAt = WholeMilliseconds(waiting.ReceivedAt),
        };

        var folder = service?.Code ?? UnsortedFolder;

        // The same drop judged before (it is a link, or a kill stopped it before it was set aside): finish that verdict.
        if (await new UnfinishedReturn(warehouse, time).FindAsync(incoming.BlobPath, incoming.ContentHash, incoming.ReceivedAt, cancellationToken) is { } earlier)
        {
            return (new JudgedReturn(earlier, Resumed: true), folder);
        }

        var summary = await new GatedLoad(warehouse, time).RejectAsync(incoming, _ => Refusal.Unreadable(problem), cancellationToken);
        return (new JudgedReturn(summary, Resumed: false), folder);
    }

    /// <summary>SQL Server keeps received_at to the millisecond; the same drop must match itself on both engines.</summary>
    private static DateTimeOffset WholeMilliseconds(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];
}
