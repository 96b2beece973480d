using Pmf.Pipeline.Quality;
using Pmf.Pipeline.Returns;

namespace Pmf.Pipeline.Loading;

/// <summary>
/// What a <see cref="GatedLoad"/> reads: the rows of a return or a pull for the gate, with what is
/// already known about the whole submission; or the reason it is refused unread. Disposing it closes
/// what the rows are read from (the return's file).
/// </summary>
/// <param name="owner">What the rows are read from, closed with the input; null when nothing is open.</param>
public sealed class GateInput(IDisposable? owner = null) : IDisposable
{
    /// <summary>When set, the submission is rejected whole with this reason and nothing else is read.</summary>
    public Refusal? Refusal { get; init; }

    /// <summary>The service whose return this is, for the gate's context; null for a pull (every service).</summary>
    public string? ServiceCode { get; init; }

    /// <summary>The UK date the gate judges "ended" and "late" by.</summary>
    public DateOnly AsOf { get; init; }

    /// <summary>The rows, streamed (enumerated once, on the gate's own thread).</summary>
    public IEnumerable<ReturnRow> Rows { get; init; } = [];

    /// <summary>The return's Finance rows (read whole: a handful), checked and loaded with its results.</summary>
    public IReadOnlyList<Finance.FinanceRow> FinanceRows { get; init; } = [];
    /// <summary>The rows of the return's Actions sheet: updates on delivery-plan actions, gated and loaded with the rest.</summary>
    public IReadOnlyList<ActionRow> ActionRows { get; init; } = [];

    /// <summary>About how many rows there are, to size the gate's memory once (0 when unknown).</summary>
    public int ExpectedRows { get; init; }

    /// <summary>Issues with the whole submission found before its rows (a misencoded file, a source that drifted).</summary>
    public IReadOnlyList<QualityIssue> FileIssues { get; init; } = [];

    /// <summary>The rejection's reason when no row could be accepted and no file-level error says why.</summary>
    public string NothingAccepted { get; init; } = "";

    /// <summary>A submission rejected unread.</summary>
    public static GateInput Refused(Refusal refusal) => new() { Refusal = refusal };

    /// <inheritdoc/>
    public void Dispose() => owner?.Dispose();
}
