using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Scoring;

namespace Pmf.Pipeline.Web;

/// <summary>An update on a delivery-plan action, as the warehouse holds it.</summary>
/// <param name="ActionCode">The action.</param>
/// <param name="Period">The period it reports on.</param>
/// <param name="Status">The status the service gave.</param>
/// <param name="PercentComplete">How far through, when given.</param>
/// <param name="Rag">The delivery RAG judged at load.</param>
/// <param name="Label">Its words: "Delivered", "On track", "Overdue"…</param>
/// <param name="ReceivedAt">When its file came in.</param>
public sealed record ActionUpdateIn(string ActionCode, Period Period, string Status, decimal? PercentComplete, RagStatus Rag, string Label, DateTimeOffset ReceivedAt);

/// <summary>An update on a delivery-plan action that the gate refused (the row's first error), so nothing of it loaded.</summary>
/// <param name="ActionCode">The action.</param>
/// <param name="Period">The period the refused row reported on.</param>
/// <param name="Reason">The gate's sentence for the row.</param>
/// <param name="ReceivedAt">When its file came in.</param>
public sealed record ActionUpdateRefused(string ActionCode, Period Period, string Reason, DateTimeOffset ReceivedAt);

/// <summary>One action update a service owes for one quarter, and how it stands.</summary>
/// <param name="ActionCode">The action's code.</param>
/// <param name="ActionName">The action as the plan words it.</param>
/// <param name="CouncilCode">The council whose plan it is in.</param>
/// <param name="ServiceCode">The service that delivers it.</param>
/// <param name="ServiceName">The service's name.</param>
/// <param name="Period">The quarter the update is for.</param>
/// <param name="DueBy">The day it is due.</param>
/// <param name="Received">The update for the quarter, when one is in.</param>
/// <param name="Latest">The latest update up to the quarter's end (<paramref name="Received"/> when there is one).</param>
/// <param name="Today">The UK date it was judged on.</param>
/// <param name="Refused">The latest update for the quarter the gate refused, when none has loaded since.</param>
public sealed record OwedActionUpdate(
    string ActionCode, string ActionName, string CouncilCode, string ServiceCode, string ServiceName,
    Period Period, DateOnly DueBy, ActionUpdateIn? Received, ActionUpdateIn? Latest, DateOnly Today, ActionUpdateRefused? Refused = null) : IOwed
{
    /// <inheritdoc />
    public OwedState State =>
        Received is not null ? OwedState.Received
        : Refused is not null ? OwedState.Rejected
        : Today > DueBy ? OwedState.Overdue
        : OwedState.NotDueYet;

    /// <inheritdoc />
    public bool Late => Received is { } update ? UkClock.DateAt(update.ReceivedAt) > DueBy : Today > DueBy;
}

/// <summary>The action updates one service owes one council for one quarter, as the performance team's board counts them.</summary>
/// <param name="Updates">The updates, one an action (at least one).</param>
public sealed record OwedActionGroup(IReadOnlyList<OwedActionUpdate> Updates) : IOwed
{
    /// <summary>The council.</summary>
    public string CouncilCode => Updates[0].CouncilCode;

    /// <summary>The service's code.</summary>
    public string ServiceCode => Updates[0].ServiceCode;

    /// <summary>The service's name.</summary>
    public string ServiceName => Updates[0].ServiceName;

    /// <summary>The quarter.</summary>
    public Period Period => Updates[0].Period;

    /// <summary>How many are in.</summary>
    public int Received => Updates.Count(u => u.Received is not null);

    /// <summary>When the latest came in.</summary>
    public DateTimeOffset? ReceivedAt => Updates.Select(u => u.Received?.ReceivedAt).Max();

    /// <inheritdoc />
    public DateOnly DueBy => Updates.Min(u => u.DueBy);

    /// <inheritdoc />
    public DateOnly Today => Updates[0].Today;

    /// <inheritdoc />
    public OwedState State =>
        Received == Updates.Count ? OwedState.Received
        : Received > 0 ? OwedState.PartReceived
        : Today > DueBy ? OwedState.Overdue
        : OwedState.NotDueYet;

    /// <inheritdoc />
    public bool Late => Updates.Any(u => u.Late);

    /// <summary>One group per council, service and quarter, by council then service then quarter.</summary>
    public static IReadOnlyList<OwedActionGroup> Of(IEnumerable<OwedActionUpdate> updates) =>
        [.. updates.GroupBy(u => (Council: u.CouncilCode.ToUpperInvariant(), Service: u.ServiceCode.ToUpperInvariant(), u.Period))
            .OrderBy(g => g.Key.Council, StringComparer.Ordinal).ThenBy(g => g.Key.Service, StringComparer.Ordinal).ThenBy(g => g.Key.Period)
            .Select(g => new OwedActionGroup([.. g]))];
}
