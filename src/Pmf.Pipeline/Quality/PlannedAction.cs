namespace Pmf.Pipeline.Quality;

/// <summary>A delivery-plan action as the gate knows it from the warehouse.</summary>
/// <param name="Code">The action's code.</param>
/// <param name="Name">The action as the plan words it.</param>
/// <param name="ServiceCode">The service that owes updates on it.</param>
/// <param name="Start">When it starts.</param>
/// <param name="End">When it is due to be delivered.</param>
public sealed record PlannedAction(string Code, string Name, string ServiceCode, DateOnly? Start, DateOnly? End);
