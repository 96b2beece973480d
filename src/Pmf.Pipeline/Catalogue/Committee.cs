namespace Pmf.Pipeline.Catalogue;

/// <summary>What a committee does with the performance reports it receives.</summary>
public enum CommitteeKind
{
    /// <summary>Decides: a cabinet, or under a committee system a policy or service committee.</summary>
    Executive,

    /// <summary>Holds the decision makers to account and recommends.</summary>
    Scrutiny,

    /// <summary>Advises the decision makers on its subject (e.g. a climate emergency advisory committee).</summary>
    Advisory,

    /// <summary>Looks at governance, risk and the quality of the data.</summary>
    Audit,
}

/// <summary>
/// A committee that receives performance reports (the catalogue's optional Committees sheet).
/// </summary>
/// <param name="Code">Short code, unique in the catalogue, e.g. <c>SR</c>.</param>
/// <param name="Name">The committee's name as councillors read it.</param>
/// <param name="CouncilCode">The council it belongs to.</param>
/// <param name="Kind">Executive, scrutiny, advisory or audit.</param>
/// <param name="Monitors">The members who monitor performance for it (Stroud's two Committee Performance Monitors), in the catalogue's order.</param>
public sealed record Committee(string Code, string Name, string CouncilCode, CommitteeKind Kind, IReadOnlyList<string> Monitors);

/// <summary>What a row of the Committee items sheet names.</summary>
public enum CommitteeItemKind
{
    /// <summary>A priority (theme), with every indicator of it.</summary>
    Priority,

    /// <summary>A strategic objective, with every indicator of it.</summary>
    Objective,

    /// <summary>One indicator.</summary>
    Indicator,

    /// <summary>One delivery-plan action.</summary>
    Action,
}

/// <summary>One thing a committee receives: a priority, an objective, an indicator or an action, by code.</summary>
/// <param name="CommitteeCode">The committee.</param>
/// <param name="Kind">What <paramref name="Code"/> is the code of.</param>
/// <param name="Code">The item's code (a priority or objective within the committee's council).</param>
public sealed record CommitteeItem(string CommitteeCode, CommitteeItemKind Kind, string Code);
