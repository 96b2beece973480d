using Pmf.Pipeline.Scoring;

namespace Pmf.Pipeline.Reports;

/// <summary>A delivery-plan action in a report, with its latest update up to the report's period end.</summary>
/// <param name="Code">The action's code.</param>
/// <param name="Name">The action as the plan words it.</param>
/// <param name="PriorityCode">The priority (theme) it delivers.</param>
/// <param name="ObjectiveCode">The objective it delivers; empty when it serves the priority as a whole.</param>
/// <param name="ServiceName">The service that delivers it.</param>
/// <param name="LeadOfficer">Its lead officer, when named.</param>
/// <param name="End">When it is due to be delivered.</param>
/// <param name="Update">The latest accepted update for a period ending by the report's end; null when none came.</param>
public sealed record ReportedAction(
    string Code, string Name, string PriorityCode, string ObjectiveCode, string ServiceName, string? LeadOfficer, DateOnly? End, ActionUpdate? Update)
{
    /// <summary>The RAG the report shows: the update's, or none when no update came.</summary>
    public RagStatus? Rag => Update?.Delivery.Rag;

    /// <summary>Its milestones with their due dates, in date order (read for an annual review only).</summary>
    public IReadOnlyList<(string Name, DateOnly Due)> Milestones { get; init; } = [];
}

/// <summary>An accepted update on an action, as the warehouse holds it.</summary>
/// <param name="PeriodCode">The period it reported on.</param>
/// <param name="Status">Not started, On track, At risk, Off track or Complete.</param>
/// <param name="PercentComplete">How far through, when given.</param>
/// <param name="Commentary">The service's commentary.</param>
/// <param name="RevisedDate">The revised delivery date, when it moved.</param>
/// <param name="RevisionReason">Why it moved.</param>
/// <param name="CompletionDate">When it was completed.</param>
/// <param name="Delivery">The delivery RAG and its words.</param>
public sealed record ActionUpdate(
    string PeriodCode, string Status, decimal? PercentComplete, string? Commentary, DateOnly? RevisedDate, string? RevisionReason, DateOnly? CompletionDate, DeliveryRag Delivery);
