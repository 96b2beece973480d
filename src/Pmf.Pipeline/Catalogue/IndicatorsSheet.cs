using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Catalogue;

/// <summary>
/// The Indicators sheet: one row per indicator, codes unique across the catalogue, each referring to a
/// council, priority (and objective) and service defined on the other sheets.
/// </summary>
internal static class IndicatorsSheet
{
    public const string Code = "Code";
    public const string Name = "Name";
    public const string Description = "Description";
    public const string Priority = "Priority";
    public const string Objective = "Objective";
    public const string Service = "Service";
    public const string Type = "Type";
    public const string Unit = "Unit";
    public const string Polarity = "Polarity";
    public const string Frequency = "Frequency";
    public const string Multiplier = "Multiplier";
    public const string Tolerance = "Tolerance";
    public const string Due = "Due (working days)";
    public const string Source = "Source";
    public const string LeadOfficer = "Lead officer";
    public const string Committee = "Committee";
    public const string ActiveFrom = "Active from";
    public const string ActiveTo = "Active to";
    public const string PercentBeyondRange = "Percent beyond 0-100";
    public const string Accumulates = "Accumulates";

    public static SheetSpec Spec { get; } = new("Indicators", ["Indicator", "KPIs", "KPI", "PIs", "Measures"],
    [
        ColumnSpec.Required(Code, "Indicator code", "PI code", "KPI code", "KPI", "Ref", "Reference"),
        ColumnSpec.Required(Name, "Indicator", "Indicator name", "Title", "Measure"),
        ColumnSpec.Optional(Description, "Definition"),
        ColumnSpec.Optional(CouncilColumn.Name, "Council code"),
        ColumnSpec.Required(Priority, "Priority code", "Theme"),
        ColumnSpec.Optional(Objective, "Objective code", "Strategic objective"),
        ColumnSpec.Required(Service, "Service code", "Owning service"),
        ColumnSpec.Required(Type, "Indicator type", "Measure type"),
        ColumnSpec.Required(Unit, "Units", "Unit of measure"),
        ColumnSpec.Required(Polarity, "Direction", "Good performance is"),
        ColumnSpec.Required(Frequency, "Reporting frequency", "Periodicity"),
        ColumnSpec.Optional(Multiplier, "Scale"),
        ColumnSpec.Optional(Tolerance, "Amber tolerance", "Amber band"),
        ColumnSpec.Optional(Due, "Due", "Due days", "Working days", "Deadline (working days)"),
        ColumnSpec.Optional(Source, "Data source"),
        ColumnSpec.Optional(LeadOfficer, "Lead", "Responsible officer"),
        ColumnSpec.Optional(Committee, "Reporting committee"),
        ColumnSpec.Optional(ActiveFrom, "Start date", "From"),
        ColumnSpec.Optional(ActiveTo, "End date", "To"),
        ColumnSpec.Optional(PercentBeyondRange, "Beyond 0-100", "Allow beyond 0-100", "May exceed 100", "Can exceed 100", "Unbounded percentage"),
        ColumnSpec.Optional(Accumulates, "Accumulation", "Cumulative", "Year to date", "YTD"),
    ]);

    public static (List<Indicator> Indicators, CodeBook Book, Dictionary<string, IndicatorFacts> Facts) Read(
        CatalogueSheet? sheet, CodeBook councils, PriorityBook priorities, CodeBook services)
    {
        var indicators = new List<Indicator>();
        var facts = new Dictionary<string, IndicatorFacts>(StringComparer.OrdinalIgnoreCase);
        if (sheet is null || !sheet.Has(Code))
        {
            return (indicators, CodeBook.Unavailable, facts);
        }

        CouncilColumn.CheckPresent(sheet, councils);
        var book = new CodeBook();
        foreach (var row in sheet.Rows)
        {
            var code = row.Required(Code, "give each indicator a code that is unique across the catalogue, e.g. HOU-01.");
            var name = row.Required(Name, "give the indicator's name as committees read it.");
            var council = CouncilColumn.Resolve(row, councils);
            var (priority, objective) = References.PriorityAndObjective(row, council, priorities);
            var service = References.Service(row, services);
            var type = IndicatorCells.ReadType(row);
            var unit = IndicatorCells.ReadUnit(row, type);
            var polarity = IndicatorCells.ReadPolarity(row, type);
            var frequency = IndicatorCells.ReadFrequency(row);
            var multiplier = IndicatorCells.ReadMultiplier(row, unit);
            var tolerance = IndicatorCells.ReadTolerance(row);
            var due = IndicatorCells.ReadDueWorkingDays(row);
            var (activeFrom, activeTo) = IndicatorCells.ReadActivePeriod(row);
            var beyondRange = IndicatorCells.ReadPercentBeyondRange(row, unit);
            var accumulation = AccumulationCell.Read(row, frequency);
            if (code is not null && CatalogueCode.Check(row, Code, "Indicator", code))
            {
                if (book.TryAdd(code, name, row.Number, out var first))
                {
                    facts[code] = new IndicatorFacts(code, type, unit, polarity, frequency);
                }
                else
                {
                    row.Error(Code, $"Indicator code '{code}' is already used in row {first}; indicator codes must be unique across the catalogue, so give this one another code.");
                }
            }

            if (row.IsValid)
            {
                indicators.Add(new Indicator
                {
                    Code = code!,
                    Name = name!,
                    Description = row.Text(Description),
                    CouncilCode = council!,
                    PriorityCode = priority!,
                    ObjectiveCode = objective,
                    ServiceCode = service!,
                    Type = type!.Value,
                    Unit = unit!.Value,
                    Polarity = polarity!.Value,
                    Frequency = frequency!.Value,
                    Multiplier = multiplier!.Value,
                    Tolerance = tolerance ?? Scoring.Tolerance.None,
                    DueWorkingDays = due!.Value,
                    Source = IndicatorCells.ReadSource(row),
                    LeadOfficer = row.Text(LeadOfficer),
                    Committee = row.Text(Committee),
                    ActiveFrom = activeFrom,
                    ActiveTo = activeTo,
                    PercentBeyondRange = beyondRange,
                    Accumulation = accumulation,
                });
            }
        }

        if (sheet.Rows.Count == 0)
        {
            sheet.Error(sheet.Header.Row.RowNumber, null, "The Indicators sheet lists no indicators; add one row per indicator below the header.");
        }

        return (indicators, book, facts);
    }

    /// <summary>Resolves the priority, objective and service an indicator row names.</summary>
    private static class References
    {
        public static (string? Priority, string? Objective) PriorityAndObjective(CatalogueRow row, string? council, PriorityBook book)
        {
            var priorityText = row.Required(Priority, "give the code of the council-plan priority the indicator serves.");
            var objectiveText = row.Text(Objective);
            if (priorityText is null || council is null || !book.IsAvailable)
            {
                return (priorityText, objectiveText);
            }

            var priorities = book.Priorities(council);
            var priority = priorities.Resolve(priorityText);
            if (priority is null)
            {
                row.Error(Priority, $"Priority '{priorityText}' is not on the Priorities sheet for council {council}; use one of its codes ({priorities.Listing()}) or add it there.");
                return (null, objectiveText);
            }

            if (objectiveText is null)
            {
                return (priority, null);
            }

            var objective = book.Objectives(council).Resolve(objectiveText);
            if (objective is null)
            {
                row.Error(Objective, $"Objective '{objectiveText}' is not on the Priorities sheet for council {council}; use an objective code from that sheet or add the objective there.");
            }
            else if (!string.Equals(book.PriorityOf(council, objective), priority, StringComparison.OrdinalIgnoreCase))
            {
                row.Error(Objective, $"Objective {objective} belongs to priority {book.PriorityOf(council, objective)}, not {priority}; correct the Priority or the Objective.");
                objective = null;
            }

            return (priority, objective);
        }

        public static string? Service(CatalogueRow row, CodeBook services)
        {
            var text = row.Required(IndicatorsSheet.Service, "give the code of the service that reports the indicator.");
            if (text is null || !services.IsAvailable)
            {
                return text;
            }

            var service = services.Resolve(text);
            if (service is null)
            {
                row.Error(IndicatorsSheet.Service, $"Service '{text}' is not on the Services sheet; use one of its codes ({services.Listing()}) or add the service there.");
            }

            return service;
        }
    }
}
