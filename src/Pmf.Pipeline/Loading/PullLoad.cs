using System.Globalization;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Sources;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Loading;

/// <summary>
/// A pull's way through the <see cref="GatedLoad"/>, the same as a return's with the system as the
/// sender: its records mapped to rows, gated against every service, loaded in one transaction. Records
/// exactly as the system gave them before are recorded as unchanged, not loaded again; records whose
/// fields drifted from the mapping are rejected whole.
/// </summary>
/// <param name="warehouse">The warehouse.</param>
/// <param name="time">The clock.</param>
internal sealed class PullLoad(WarehouseDatabase warehouse, TimeProvider time)
{
    /// <summary>Loads what <paramref name="pull"/> fetched and records how that went on it.</summary>
    public async Task LoadAsync(SourcePull pull, CancellationToken cancellationToken)
    {
        var source = pull.Source;
        var drift = SourceRows.Drift(source, pull.Records);
        var rows = SourceRows.Map(source, pull.Records);
        var hash = SourceRows.ContentHash(source, rows);
        if (drift is null && await new SubmissionLoader(warehouse, time).FindDuplicateAsync(hash, cancellationToken) is { } same)
        {
            pull.Unchanged(same.SubmissionId);
            return;
        }

        var incoming = new IncomingSubmission
        {
            ContentHash = hash,
            SourceKind = SubmissionSourceKind.Pull,
            ServiceCode = null,
            SourceName = source.Name,
            FileName = string.Create(CultureInfo.InvariantCulture, $"{source.Name} pull {pull.AsOf.UtcDateTime:yyyy-MM-dd HH:mm}Z"),
            Sender = source.Name,
            ReceivedAt = pull.Started,
        };
        var input = new GateInput
        {
            AsOf = UkClock.DateAt(pull.AsOf),
            Rows = drift is null ? rows : [],
            FileIssues = drift is null ? [] : [drift],
            NothingAccepted = "No record of the pull could be accepted; see the submission's issues.",
        };
        pull.Loaded(await new GatedLoad(warehouse, time).RunAsync(incoming, _ => Task.FromResult(input), cancellationToken), drift);
    }
}
