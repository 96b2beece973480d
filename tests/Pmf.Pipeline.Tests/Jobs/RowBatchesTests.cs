using Pmf.Pipeline.Loading;

namespace Pmf.Pipeline.Tests.Jobs;

/// <summary>The threads of a load: whichever side fails, its own failure is what the load throws.</summary>
public sealed class RowBatchesTests
{
    [Fact]
    public async Task The_failure_is_thrown_not_the_cancellation_it_caused_on_the_thread_before_it()
    {
        using var stop = new CancellationTokenSource();
        var reading = RowBatches.OnOwnThread(() =>
        {
            stop.Token.WaitHandle.WaitOne();
            stop.Token.ThrowIfCancellationRequested();
        });
        var checking = RowBatches.OnOwnThread(() =>
        {
            stop.Cancel();
            throw new InvalidOperationException("the gate broke");
        });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RowBatches.WhenAllAsync(reading, checking));

        Assert.Equal("the gate broke", error.Message);
    }

    [Fact]
    public async Task A_cancellation_alone_is_thrown_as_one()
    {
        using var stop = new CancellationTokenSource();
        await stop.CancelAsync();
        var reading = RowBatches.OnOwnThread(() => stop.Token.ThrowIfCancellationRequested());
        var checking = RowBatches.OnOwnThread(() => { });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RowBatches.WhenAllAsync(reading, checking));
    }

    [Fact]
    public async Task Batches_arrive_in_order_and_the_queue_ends_when_the_sender_completes()
    {
        var queue = new RowBatches<int>();
        var sending = RowBatches.OnOwnThread(() =>
        {
            for (var b = 0; b < 40; b++)
            {
                var batch = queue.NewBatch();
                batch.AddRange(Enumerable.Range(b * 10, 10));
                queue.Send(batch, CancellationToken.None);
            }

            queue.Send(queue.NewBatch(), CancellationToken.None); // an empty batch is not sent
            queue.Writer.Complete();
        });

        var received = new List<int>();
        var batches = 0;
        foreach (var batch in queue.Receive(CancellationToken.None))
        {
            received.AddRange(batch);
            batches++;
        }

        await sending;
        Assert.Equal(Enumerable.Range(0, 400), received);
        Assert.Equal(40, batches);
    }
}
