namespace Pmf.Pipeline.Catalogue;

/// <summary>
/// An action or project of a council's annual delivery plan (the catalogue's optional Actions sheet):
/// what delivers an objective, besides the indicators that measure it.
/// </summary>
/// <param name="Code">Unique across the catalogue, e.g. <c>SDC-A01</c>.</param>
/// <param name="Name">The action as the delivery plan words it.</param>
/// <param name="CouncilCode">The council whose plan it is in.</param>
/// <param name="PriorityCode">The priority (theme) it delivers.</param>
/// <param name="ObjectiveCode">The strategic objective, if the plan has objectives.</param>
/// <param name="ServiceCode">The service that delivers it and owes updates on it.</param>
/// <param name="LeadOfficer">The officer who leads it.</param>
/// <param name="Start">When it starts.</param>
/// <param name="End">When it is due to be delivered.</param>
public sealed record DeliveryAction(
    string Code, string Name, string CouncilCode, string PriorityCode, string? ObjectiveCode, string ServiceCode, string? LeadOfficer, DateOnly? Start, DateOnly? End);

/// <summary>A milestone of a delivery-plan action, with the date it is due (the catalogue's optional Milestones sheet).</summary>
/// <param name="ActionCode">The action.</param>
/// <param name="Name">What is to be done by then.</param>
/// <param name="Due">When it is due.</param>
public sealed record Milestone(string ActionCode, string Name, DateOnly Due);
