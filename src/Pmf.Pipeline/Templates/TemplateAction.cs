namespace Pmf.Pipeline.Templates;

/// <summary>A delivery-plan action a service owes an update on, as its template's Actions sheet lists it.</summary>
/// <param name="Code">The action's code.</param>
/// <param name="Name">The action as the plan words it.</param>
/// <param name="End">When it is due to be delivered.</param>
/// <param name="Milestones">Its milestones with their due dates, earliest first.</param>
public sealed record TemplateAction(string Code, string Name, DateOnly? End, IReadOnlyList<TemplateMilestone> Milestones)
{
    /// <summary>The day the update is due (<see cref="Calendar.ReturnDueDate.ForActionUpdate"/>, by its council's nation).</summary>
    public DateOnly DueBy { get; init; }
}

/// <summary>A milestone of an action, as a template lists it.</summary>
/// <param name="Name">What is to be done by then.</param>
/// <param name="Due">When it is due.</param>
public sealed record TemplateMilestone(string Name, DateOnly Due);
