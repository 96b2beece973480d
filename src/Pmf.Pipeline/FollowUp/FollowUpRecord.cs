namespace Pmf.Pipeline.FollowUp;

/// <summary>A follow-up as people see it in <c>pmf followup list</c>.</summary>
/// <param name="Id">The follow-up.</param>
/// <param name="Kind">A <see cref="FollowUpKind"/>.</param>
/// <param name="IndicatorCode">The indicator.</param>
/// <param name="PeriodCode">The period.</param>
/// <param name="ServiceCode">The owning service.</param>
/// <param name="Owner">The head of service's address.</param>
/// <param name="Status">A <see cref="FollowUpStatus"/>.</param>
/// <param name="Level">An <see cref="EscalationLevel"/>.</param>
/// <param name="RaisedAt">When the sweep raised it (UTC).</param>
/// <param name="DueAt">The due date, or the day it was raised.</param>
/// <param name="Detail">What the sweep recorded.</param>
public sealed record FollowUpRecord(
    long Id, string Kind, string IndicatorCode, string PeriodCode, string ServiceCode, string Owner,
    string Status, int Level, DateTime RaisedAt, DateTime DueAt, string? Detail)
{
    /// <summary>The council of the indicator, when the catalogue still has it.</summary>
    public string? CouncilCode { get; init; }

    /// <summary>True when a head of service may resolve it by hand (<see cref="FollowUpKind.ResolvableByHeadOfService"/>).</summary>
    public bool HeadOfServiceMayResolve => FollowUpKind.ResolvableByHeadOfService(Kind);
}
