using Pmf.Pipeline.Storage;

namespace Pmf.Pipeline.Tests.Hosting;

/// <summary>
/// A real store with scripted trouble: reading a file whose name contains "poison" always fails;
/// reading one containing "stall-read", or completing one containing "stall-complete", waits until
/// cancelled, so a test can stop the host at that point of an ingest.
/// </summary>
public sealed class ScriptedReturnStore(IReturnStore inner) : IReturnStore
{
    private int _poisonReads;

    public TaskCompletionSource Stalled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int PoisonReads => Volatile.Read(ref _poisonReads);

    public Task<IReadOnlyList<WaitingFile>> ListWaitingAsync(CancellationToken cancellationToken) => inner.ListWaitingAsync(cancellationToken);

    public Task DropAsync(ReturnPath path, Stream content, string? sender, CancellationToken cancellationToken) => inner.DropAsync(path, content, sender, cancellationToken);

    public Task<StoredFileInfo?> GetInfoAsync(StoredPath path, CancellationToken cancellationToken) => inner.GetInfoAsync(path, cancellationToken);

    public async Task<Stream> OpenReadAsync(StoredPath path, CancellationToken cancellationToken)
    {
        if (path.Name.Contains("poison", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _poisonReads);
            throw new IOException("The storage service reset the connection while sending the file.");
        }

        if (path.Name.Contains("stall-read", StringComparison.Ordinal))
        {
            await StallAsync(cancellationToken);
        }

        return await inner.OpenReadAsync(path, cancellationToken);
    }

    public Task WriteArtefactAsync(StoredPath path, BinaryData content, string contentType, CancellationToken cancellationToken) =>
        inner.WriteArtefactAsync(path, content, contentType, cancellationToken);

    public async Task<ReturnCompletion> CompleteAsync(
        ReturnPath path, string version, ReturnDestination destination, string submissionId, string verdict, CancellationToken cancellationToken)
    {
        if (path.Name.Contains("stall-complete", StringComparison.Ordinal))
        {
            await StallAsync(cancellationToken);
        }

        return await inner.CompleteAsync(path, version, destination, submissionId, verdict, cancellationToken);
    }

    private async Task StallAsync(CancellationToken cancellationToken)
    {
        Stalled.TrySetResult();
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }
}
