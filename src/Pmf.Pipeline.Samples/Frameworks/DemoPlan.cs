using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;

namespace Pmf.Pipeline.Samples.Frameworks;

/// <summary>
/// An action of a council's annual delivery plan, written once: where it sits (a priority code, or an
/// objective code whose priority is looked up), the service that delivers it, and its milestones as
/// the month of the financial year each falls due at the end of (1 = April, 9 = December, 12 = March).
/// </summary>
internal sealed record DemoPlan(string Code, string Name, string Place, string Service, (string Name, int Month)[] Milestones)
{
    /// <summary>The actions and milestones of <paramref name="plans"/> for <paramref name="council"/> in <paramref name="year"/>.</summary>
    public static (List<DeliveryAction> Actions, List<Milestone> Milestones) Build(
        string council, IReadOnlyList<Priority> priorities, IReadOnlyList<Service> services, IEnumerable<DemoPlan> plans, FinancialYear year)
    {
        var actions = new List<DeliveryAction>();
        var milestones = new List<Milestone>();
        foreach (var plan in plans)
        {
            var objective = priorities.FirstOrDefault(p => p.CouncilCode == council && p.ObjectiveCode == plan.Place);
            var code = $"{council}-{plan.Code}";
            actions.Add(new DeliveryAction(code, plan.Name, council, objective?.Code ?? plan.Place, objective?.ObjectiveCode, plan.Service,
                services.Single(s => s.Code == plan.Service).HeadOfService, year.Start, year.End));
            milestones.AddRange(plan.Milestones.Select(m => new Milestone(code, m.Name, Period.Month(year.StartYear, m.Month).End)));
        }

        return (actions, milestones);
    }
}
