using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Returns;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Loading;

/// <summary>
/// The one way rows reach the warehouse, for a dropped return and a pull alike: begin the submission
/// (content already loaded stops there, unread, as a duplicate), read, pass every row through the
/// quality gate, write it in the same transaction, and complete with the gate's verdict. A return's
/// report to its sender is owed by that same commit (<see cref="SubmissionLoad"/>), so no crash leaves a
/// verdict without its report; a failure anywhere rolls the whole submission back.
/// </summary>
/// <param name="warehouse">The warehouse.</param>
/// <param name="time">The clock for what the warehouse records.</param>
public sealed class GatedLoad(WarehouseDatabase warehouse, TimeProvider time)
{
    /// <summary>Loads <paramref name="incoming"/>, reading it (<paramref name="read"/>) only when it is not a duplicate.</summary>
    /// <param name="incoming">Where the submission came from.</param>
    /// <param name="read">Reads the submission for the gate; called once, inside the load.</param>
    /// <param name="cancellationToken">Stops the load; nothing is kept.</param>
    /// <returns>What the warehouse recorded.</returns>
    public async Task<SubmissionLoadSummary> RunAsync(IncomingSubmission incoming, Func<CancellationToken, Task<GateInput>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        await using var load = await new SubmissionLoader(warehouse, time).BeginAsync(incoming, cancellationToken);
        if (load.DuplicateOf is not null)
        {
            return await load.CompleteAsync(new SubmissionOutcome(SubmissionVerdict.Duplicate, 0), cancellationToken);
        }

        using var input = await read(cancellationToken);
        if (input.Refusal is { } refusal)
        {
            return await RejectAsync(load, refusal, cancellationToken);
        }

        var context = await new GateContextQuery(warehouse).BuildAsync(input.ServiceCode, input.AsOf, cancellationToken);
        var gate = new QualityGate(context, input.ExpectedRows);
        foreach (var issue in input.FileIssues)
        {
            gate.AddFileIssue(issue);
        }

        foreach (var finance in gate.CheckFinance(input.FinanceRows))
        {
            if (finance.Line is { } line)
            {
                await load.AddFinanceAsync(line, cancellationToken);
            }

            foreach (var issue in finance.Issues)
            {
                await load.AddIssueAsync(issue, cancellationToken);
            }
        }

        await CheckAndLoadRowsAsync(input.Rows, gate, load, cancellationToken);
        await CheckAndLoadActionsAsync(input.ActionRows, gate, load, cancellationToken);
        return await load.CompleteAsync(gate.Complete(), input.NothingAccepted, cancellationToken);
    }

    /// <summary>Records <paramref name="incoming"/> as rejected whole, unread (or as a duplicate of content already loaded).</summary>
    /// <param name="incoming">Where the submission came from.</param>
    /// <param name="refusal">Why, given the submission's id (a fault's reason quotes it).</param>
    /// <param name="cancellationToken">Stops the load; nothing is kept.</param>
    /// <returns>What the warehouse recorded.</returns>
    public async Task<SubmissionLoadSummary> RejectAsync(IncomingSubmission incoming, Func<long, Refusal> refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        await using var load = await new SubmissionLoader(warehouse, time).BeginAsync(incoming, cancellationToken);
        return load.DuplicateOf is not null
            ? await load.CompleteAsync(new SubmissionOutcome(SubmissionVerdict.Duplicate, 0), cancellationToken)
            : await RejectAsync(load, refusal(load.SubmissionId), cancellationToken);
    }

    private static async Task<SubmissionLoadSummary> RejectAsync(SubmissionLoad load, Refusal refusal, CancellationToken cancellationToken)
    {
        await load.AddIssueAsync(refusal.Issue, cancellationToken);
        return await load.CompleteAsync(new SubmissionOutcome(SubmissionVerdict.Rejected, 0, refusal.Reason), cancellationToken);
    }

    /// <summary>
    /// Reads the rows on one thread, gates them on a second while this one writes them into the load: on
    /// two cores a million-row return takes about the longest of the three rather than their sum. Rows
    /// pass between the threads in batches, so a thread is woken once a batch rather than once a row
    /// (one at a time, the threads spent a third of their time waking each other). The gate stays on its
    /// own thread (it is not thread-safe) and is only completed after that thread is done; the queues
    /// between them are bounded, so memory does not grow when the database is the slower side. A
    /// failure on any side stops the others and is thrown here.
    /// </summary>
    private static async Task CheckAndLoadRowsAsync(IEnumerable<ReturnRow> input, QualityGate gate, SubmissionLoad load, CancellationToken cancellationToken)
    {
        var read = new RowBatches<ReturnRow>();
        var gated = new RowBatches<CheckedRow>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = RowBatches.OnOwnThread(() => ReadRows(input, read, stop));
        var checking = RowBatches.OnOwnThread(() => CheckRows(read, gate, gated, stop));
        try
        {
            await foreach (var batch in gated.Reader.ReadAllAsync(cancellationToken))
            {
                foreach (var row in batch)
                {
                    if (row.Result is { } result)
                    {
                        await load.AddResultAsync(result, cancellationToken);
                    }

                    foreach (var issue in row.Issues)
                    {
                        await load.AddIssueAsync(issue, cancellationToken);
                    }
                }
            }
        }
        catch
        {
            // The load failed, and that is the failure to report: the reading and gating sides are
            // stopped, and waited for, before the file is closed under them.
            await stop.CancelAsync();
            await Task.WhenAll(reading, checking).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        // All rows are in; a failure while reading or gating (other than damage, which the gate records)
        // is thrown here as it was raised, not the cancellation it caused on the other side.
        await RowBatches.WhenAllAsync(reading, checking);
    }

    private static async Task CheckAndLoadActionsAsync(IReadOnlyList<ActionRow> rows, QualityGate gate, SubmissionLoad load, CancellationToken cancellationToken)
    {
        foreach (var row in rows.Count == 0 ? [] : gate.CheckActions(rows))
        {
            if (row.Progress is { } progress)
            {
                await load.AddActionProgressAsync(progress, cancellationToken);
            }

            foreach (var issue in row.Issues)
            {
                await load.AddIssueAsync(issue, cancellationToken);
            }
        }
    }

    private static void ReadRows(IEnumerable<ReturnRow> input, RowBatches<ReturnRow> read, CancellationTokenSource stop)
    {
        try
        {
            var batch = read.NewBatch();
            foreach (var row in input)
            {
                batch.Add(row);
                if (batch.Count == RowBatches.Size)
                {
                    read.Send(batch, stop.Token);
                    batch = read.NewBatch();
                }
            }

            read.Send(batch, stop.Token);
        }
        catch (ReturnReadException e)
        {
            // Damage part-way through: the rows before it are gated, then the file is rejected whole.
            read.Damage = e;
        }
        catch
        {
            stop.Cancel();
            throw;
        }
        finally
        {
            read.Writer.Complete();
        }
    }

    private static void CheckRows(RowBatches<ReturnRow> read, QualityGate gate, RowBatches<CheckedRow> gated, CancellationTokenSource stop)
    {
        var young = new YoungGarbage();
        try
        {
            foreach (var batch in read.Receive(stop.Token))
            {
                var checkedRows = gated.NewBatch();
                foreach (var row in batch)
                {
                    checkedRows.Add(gate.Check(row));
                }

                gated.Send(checkedRows, stop.Token);
                young.Check();
            }

            if (read.Damage is { } damage)
            {
                // Damage part-way through: the file is rejected whole, with where reading stopped.
                gate.AddFileIssue(StructuralIssues.Unreadable(damage.Problem.Message, damage.Problem.Sheet));
            }
        }
        catch
        {
            stop.Cancel();
            throw;
        }
        finally
        {
            gated.Writer.Complete();
        }
    }
}
