using Pmf.Pipeline.Storage;

namespace Pmf.Pipeline.Tests.Jobs;

/// <summary>
/// A real store with faults on cue. Reading a file whose name contains <see cref="Crash"/> fails the
/// way a bug would (not storage's fault); one containing <see cref="Unreachable"/> fails the way
/// storage does. <see cref="StopAfterCommit"/> makes the next completion (the move out of returns/)
/// throw once, as a host killed between the warehouse commit and the move would leave things.
/// </summary>
public sealed class FaultingReturnStore(IReturnStore inner) : IReturnStore
{
    public const string Crash = "crash";

    public const string Unreachable = "unreachable";

    public IReturnStore Inner => inner;

    public bool StopAfterCommit { get; set; }

    public Task<IReadOnlyList<WaitingFile>> ListWaitingAsync(CancellationToken cancellationToken) => inner.ListWaitingAsync(cancellationToken);

    public Task DropAsync(ReturnPath path, Stream content, string? sender, CancellationToken cancellationToken) => inner.DropAsync(path, content, sender, cancellationToken);

    public Task<StoredFileInfo?> GetInfoAsync(StoredPath path, CancellationToken cancellationToken) => inner.GetInfoAsync(path, cancellationToken);

    public Task<Stream> OpenReadAsync(StoredPath path, CancellationToken cancellationToken)
    {
        if (path.Name.Contains(Crash, StringComparison.Ordinal))
        {
            throw new OverflowException("Value was either too large or too small for a Decimal.");
        }

        if (path.Name.Contains(Unreachable, StringComparison.Ordinal))
        {
            throw new IOException("The storage service reset the connection while sending the file.");
        }

        return inner.OpenReadAsync(path, cancellationToken);
    }

    public Task WriteArtefactAsync(StoredPath path, BinaryData content, string contentType, CancellationToken cancellationToken) =>
        inner.WriteArtefactAsync(path, content, contentType, cancellationToken);

    public Task<ReturnCompletion> CompleteAsync(
        ReturnPath path, string version, ReturnDestination destination, string submissionId, string verdict, CancellationToken cancellationToken)
    {
        if (StopAfterCommit)
        {
            StopAfterCommit = false;
            throw new IOException("The host was stopped after the warehouse commit, before the file moved.");
        }

        return inner.CompleteAsync(path, version, destination, submissionId, verdict, cancellationToken);
    }
}
