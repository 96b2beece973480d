using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Catalogue;

/// <summary>
/// What each committee of a framework receives, resolved to indicator codes: the items the Committee items
/// sheet gives it (a priority or objective brings every indicator of its council under it) and the
/// indicators whose own Committee column names it (by its code, or by its name among its own council's committees:
/// two councils may each have a Cabinet).
/// </summary>
public static class CommitteeScope
{
    /// <summary>The codes of the indicators <paramref name="committee"/> receives, in catalogue order.</summary>
    public static IReadOnlyList<string> Indicators(Framework framework, Committee committee)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(committee);
        var items = framework.CommitteeItems.Where(i => Same(i.CommitteeCode, committee.Code)).ToList();
        return [.. framework.Indicators
            .Where(i => Named(i).Any(n => Same(n, committee.Code) || (Same(i.CouncilCode, committee.CouncilCode) && Same(ColumnName.Normalise(n), ColumnName.Normalise(committee.Name))))
                        || items.Exists(item => Covers(item, committee, i)))
            .Select(i => i.Code)];
    }

    /// <summary>The codes of the delivery-plan actions <paramref name="committee"/> receives, in catalogue order.</summary>
    public static IReadOnlyList<string> Actions(Framework framework, Committee committee)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(committee);
        var items = framework.CommitteeItems.Where(i => Same(i.CommitteeCode, committee.Code)).ToList();
        return [.. framework.Actions.Where(a => items.Exists(item => item.Kind switch
        {
            CommitteeItemKind.Action => Same(item.Code, a.Code),
            CommitteeItemKind.Priority => Same(a.CouncilCode, committee.CouncilCode) && Same(item.Code, a.PriorityCode),
            CommitteeItemKind.Objective => Same(a.CouncilCode, committee.CouncilCode) && a.ObjectiveCode is { } o && Same(item.Code, o),
            _ => false,
        })).Select(a => a.Code)];
    }

    /// <summary>The committees an indicator's Committee column names (several separated by <c>;</c> or commas).</summary>
    public static IReadOnlyList<string> Named(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return Split(indicator.Committee);
    }

    /// <summary>Names in one cell separated by semicolons, commas or new lines ("Cllr A Smith; Cllr B Jones").</summary>
    public static IReadOnlyList<string> Split(string? text) =>
        text is null ? [] : [.. text.Split([';', ',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>True when <paramref name="item"/> of <paramref name="committee"/> brings <paramref name="indicator"/>.</summary>
    internal static bool Covers(CommitteeItem item, Committee committee, Indicator indicator) => item.Kind switch
    {
        CommitteeItemKind.Indicator => Same(item.Code, indicator.Code),
        CommitteeItemKind.Priority => Same(indicator.CouncilCode, committee.CouncilCode) && Same(item.Code, indicator.PriorityCode),
        CommitteeItemKind.Objective => Same(indicator.CouncilCode, committee.CouncilCode) && indicator.ObjectiveCode is { } o && Same(item.Code, o),
        _ => false,
    };

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
