using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Catalogue;

/// <summary>
/// The optional Committee items sheet: which priorities, objectives, indicators and actions each committee
/// receives, one per row (<c>Committee</c>, and one of <c>Priority</c>, <c>Objective</c>, <c>Indicator</c>,
/// <c>Action</c>). A priority or objective brings every indicator and action under it. An indicator whose
/// own Committee column names a committee goes to it as well.
/// </summary>
internal static class CommitteeItemsSheet
{
    public const string Committee = "Committee";
    public const string Priority = "Priority";
    public const string Objective = "Objective";
    public const string Indicator = "Indicator";
    public const string Action = "Action";

    public static SheetSpec Spec { get; } = new("Committee items", ["Committee reports", "Committee scope", "What committees receive"],
    [
        ColumnSpec.Required(Committee, "Committee code"),
        ColumnSpec.Optional(Priority, "Priority code", "Theme"),
        ColumnSpec.Optional(Objective, "Objective code", "Strategic objective"),
        ColumnSpec.Optional(Indicator, "Indicator code", "PI code", "KPI"),
        ColumnSpec.Optional(Action, "Action code", "Project"),
    ]);

    /// <summary>The references the sheet resolves, from the sheets read before it.</summary>
    public sealed record Books(IReadOnlyList<Committee> Committees, CodeBook CommitteeCodes, PriorityBook Priorities, CodeBook Indicators, CodeBook Actions);

    public static List<CommitteeItem> Read(CatalogueSheet? sheet, Books books)
    {
        var items = new List<CommitteeItem>();
        if (sheet is null || !sheet.Has(Committee))
        {
            return items;
        }

        var seen = new Dictionary<CommitteeItem, int>();
        foreach (var row in sheet.Rows)
        {
            var committee = ResolveCommittee(row, books);
            var item = ResolveItem(row, committee, books);
            if (!row.IsValid || committee is null || item is null)
            {
                continue;
            }

            var entry = new CommitteeItem(committee.Code, item.Value.Kind, item.Value.Code);
            if (seen.TryAdd(entry, row.Number))
            {
                items.Add(entry);
            }
            else
            {
                row.Warning(Committee, $"Committee {committee.Code} already receives {entry.Kind.ToString().ToLowerInvariant()} {entry.Code} in row {seen[entry]}; this row adds nothing, so remove it.");
            }
        }

        return items;
    }

    /// <summary>
    /// Warns about indicators whose Committee column names no committee on the Committees sheet (only
    /// when the catalogue has that sheet: without it the column is free text).
    /// </summary>
    public static void CheckIndicatorColumn(CatalogueProblems problems, IEnumerable<Indicator> indicators, CodeBook committees)
    {
        if (committees.Count == 0)
        {
            return;
        }

        foreach (var indicator in indicators)
        {
            foreach (var name in CommitteeScope.Named(indicator).Where(n => committees.Resolve(n) is null))
            {
                problems.Warning(IndicatorsSheet.Spec.Name, null, IndicatorsSheet.Committee, indicator.Committee,
                    $"Indicator {indicator.Code} names committee '{name}', which is not on the Committees sheet, so no committee report includes it; use a committee code from that sheet ({committees.Listing()}).");
            }
        }
    }

    private static Committee? ResolveCommittee(CatalogueRow row, Books books)
    {
        var text = row.Required(Committee, "give the code of the committee that receives the item.");
        if (text is null || !books.CommitteeCodes.IsAvailable)
        {
            return null;
        }

        var code = books.CommitteeCodes.Resolve(text);
        if (code is null)
        {
            row.Error(Committee, $"Committee '{text}' is not on the Committees sheet; use one of its codes ({books.CommitteeCodes.Listing()}) or add the committee there.");
            return null;
        }

        return books.Committees.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));
    }

    private static (CommitteeItemKind Kind, string Code)? ResolveItem(CatalogueRow row, Committee? committee, Books books)
    {
        var named = new[] { Indicator, Action, Objective, Priority }.Where(c => row.Text(c) is not null).ToList();
        if (named.Count == 0)
        {
            row.Error(Priority, "The row names nothing for the committee; fill in one of Priority, Objective, Indicator or Action.");
            return null;
        }

        if (named.Count > 1 && !(named.Count == 2 && named.Contains(Objective) && named.Contains(Priority)))
        {
            row.Error(named[0], $"The row names both {named[0]} and {named[1]}; give each item a row of its own.");
            return null;
        }

        var column = named[0];
        var text = row.Text(column)!;
        var council = committee?.CouncilCode;
        var (kind, book, where) = column switch
        {
            Indicator => (CommitteeItemKind.Indicator, books.Indicators, "the Indicators sheet"),
            Action => (CommitteeItemKind.Action, books.Actions, "the Actions sheet"),
            Objective => (CommitteeItemKind.Objective, council is null ? CodeBook.Unavailable : books.Priorities.Objectives(council), $"the Priorities sheet for council {council}"),
            _ => (CommitteeItemKind.Priority, council is null ? CodeBook.Unavailable : books.Priorities.Priorities(council), $"the Priorities sheet for council {council}"),
        };
        if (!book.IsAvailable || !books.Priorities.IsAvailable)
        {
            return null;
        }

        var code = book.Resolve(text);
        if (code is null)
        {
            row.Error(column, $"{column} '{text}' is not on {where}; use one of its codes ({book.Listing()}).");
            return null;
        }

        return (kind, code);
    }
}
