using System.Threading.Channels;

namespace Pmf.Pipeline.Loading;

/// <summary>
/// Rows handed from one thread of a load to the next in batches, through a bounded queue: the sending
/// thread waits when the queue is full, so memory stays bounded whichever side is slower.
/// </summary>
internal static class RowBatches
{
    /// <summary>Rows in a batch: enough that waking the next thread is rare, few enough to keep it busy.</summary>
    public const int Size = 256;

    /// <summary>Batches waiting between two threads.</summary>
    public const int InFlight = 4;

    /// <summary>
    /// Runs <paramref name="work"/> on a thread of its own: it waits on the queues, so it must not hold
    /// one of the thread pool's few threads (two, on two cores) that the writing side's continuations need.
    /// </summary>
    public static Task OnOwnThread(Action work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>
    /// Waits for every one of <paramref name="threads"/> and throws the failure that stopped them, as it
    /// was raised: when one side fails the others are cancelled, so a cancellation is only thrown when
    /// nothing else failed.
    /// </summary>
    public static async Task WhenAllAsync(params Task[] threads)
    {
        await Task.WhenAll(threads).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        var failures = threads.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions).ToList();
        var failure = failures.FirstOrDefault(e => e is not OperationCanceledException) ?? failures.FirstOrDefault();
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        foreach (var thread in threads)
        {
            await thread; // a thread cancelled as a task (none here) throws its cancellation
        }
    }
}

/// <summary>A bounded queue of batches of <typeparamref name="T"/> between two threads of a load.</summary>
/// <typeparam name="T">What a batch holds.</typeparam>
internal sealed class RowBatches<T>
{
    private readonly Channel<List<T>> _queue = Channel.CreateBounded<List<T>>(
        new BoundedChannelOptions(RowBatches.InFlight) { SingleReader = true, SingleWriter = true });

    /// <summary>Damage met part-way through reading, set before the queue is completed; null otherwise.</summary>
    public Returns.ReturnReadException? Damage { get; set; }

    public ChannelReader<List<T>> Reader => _queue.Reader;

    public ChannelWriter<List<T>> Writer => _queue.Writer;

    public List<T> NewBatch() => new(RowBatches.Size);

    /// <summary>Queues <paramref name="batch"/> (when it holds anything), waiting on this thread while the queue is full.</summary>
    public void Send(List<T> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        while (!_queue.Writer.TryWrite(batch))
        {
            if (!_queue.Writer.WaitToWriteAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
            {
                throw new ChannelClosedException();
            }
        }
    }

    /// <summary>The batches in order until the sending side completes, waiting on this thread for each.</summary>
    public IEnumerable<List<T>> Receive(CancellationToken cancellationToken)
    {
        while (_queue.Reader.WaitToReadAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
        {
            while (_queue.Reader.TryRead(out var batch))
            {
                yield return batch;
            }
        }
    }
}
