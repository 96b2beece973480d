using System.Threading.Channels;
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
    // Checked rows waiting to be written: enough to keep both sides busy, few enough not to matter.
    private const int RowsInFlight = 1024;

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
    /// Reads and gates the rows on one thread while this one writes them into the load: on two cores
    /// a million-row return takes the longer of the two rather than their sum. The gate stays on its
    /// own thread (it is not thread-safe) and is only completed after that thread is done; the queue
    /// between them is bounded, so memory does not grow when the database is the slower side. A
    /// failure on either side stops the other and is thrown here.
    /// </summary>
    private static async Task CheckAndLoadRowsAsync(IEnumerable<ReturnRow> input, QualityGate gate, SubmissionLoad load, CancellationToken cancellationToken)
    {
        var rows = Channel.CreateBounded<CheckedRow>(new BoundedChannelOptions(RowsInFlight) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var checking = Task.Run(() => CheckRowsAsync(input, gate, rows.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var row in rows.Reader.ReadAllAsync(cancellationToken))
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
        catch
        {
            // The load failed, and that is the failure to report: the reading side is stopped, and
            // waited for, before the file is closed under it.
            await stop.CancelAsync();
            await checking.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        // All rows are in; a failure while reading (other than damage, which the gate records) is thrown here as it was raised.
        await checking;
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

    private static async Task CheckRowsAsync(IEnumerable<ReturnRow> input, QualityGate gate, ChannelWriter<CheckedRow> rows, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var row in gate.Check(input))
            {
                await rows.WriteAsync(row, cancellationToken);
            }
        }
        catch (ReturnReadException e)
        {
            // Damage part-way through: the file is rejected whole, with where reading stopped.
            gate.AddFileIssue(StructuralIssues.Unreadable(e.Problem.Message, e.Problem.Sheet));
        }
        finally
        {
            rows.Complete();
        }
    }
}
