using Pmf.Pipeline.Workbooks;

namespace Pmf.Pipeline.Catalogue;

/// <summary>
/// Reads the catalogue workbook of FORMATS.md (sheets Councils, Priorities, Services, Indicators, Targets,
/// and optionally Committees, Committee items, Actions and Milestones, from .xlsx or .xls) and validates all of it in one pass: every problem is reported with its sheet,
/// row, column and raw value, and the framework is only returned when there is no error.
/// </summary>
public static class CatalogueReader
{
    /// <summary>Reads the catalogue in <paramref name="stream"/>, named <paramref name="fileName"/>. Never throws for a bad file.</summary>
    public static CatalogueReadResult Read(Stream stream, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var problems = new CatalogueProblems(fileName);
        try
        {
            using var workbook = WorkbookReader.Open(stream, fileName, cancellationToken);
            if (workbook.Format == WorkbookFormat.Csv)
            {
                problems.Error(null, null, null, null, $"'{fileName}' is a CSV file, which holds one sheet, but a catalogue needs five (Councils, Priorities, Services, Indicators, Targets); please send the catalogue as an Excel workbook (.xlsx).");
                return new CatalogueReadResult(null, problems.All);
            }

            var framework = Read(workbook, problems, cancellationToken);
            return new CatalogueReadResult(problems.HasErrors ? null : framework, problems.All);
        }
        catch (WorkbookException ex)
        {
            problems.Error(null, null, null, null, ex.Message);
            return new CatalogueReadResult(null, problems.All);
        }
    }

    private static Framework Read(Workbook workbook, CatalogueProblems problems, CancellationToken cancellationToken)
    {
        CatalogueSheet? Load(SheetSpec spec) => CatalogueSheet.Load(workbook, spec, problems, cancellationToken);

        var (councils, councilBook) = CouncilsSheet.Read(Load(CouncilsSheet.Spec));
        var (priorities, priorityBook) = PrioritiesSheet.Read(Load(PrioritiesSheet.Spec), councilBook);
        var (services, serviceBook) = ServicesSheet.Read(Load(ServicesSheet.Spec));
        var (indicators, indicatorBook, facts) = IndicatorsSheet.Read(Load(IndicatorsSheet.Spec), councilBook, priorityBook, serviceBook);
        var targets = TargetsSheet.Read(Load(TargetsSheet.Spec), indicatorBook, facts);
        var (actions, actionBook) = ActionsSheet.Read(CommitteesSheet.LoadIfPresent(workbook, ActionsSheet.Spec, problems, cancellationToken), councilBook, priorityBook, serviceBook, indicatorBook);
        var milestones = MilestonesSheet.Read(CommitteesSheet.LoadIfPresent(workbook, MilestonesSheet.Spec, problems, cancellationToken), actionBook);
        var (committees, committeeBook) = CommitteesSheet.Read(CommitteesSheet.LoadIfPresent(workbook, CommitteesSheet.Spec, problems, cancellationToken), councilBook);
        var items = CommitteeItemsSheet.Read(
            CommitteesSheet.LoadIfPresent(workbook, CommitteeItemsSheet.Spec, problems, cancellationToken),
            new CommitteeItemsSheet.Books(committees, committeeBook, priorityBook, indicatorBook, actionBook));
        CommitteeItemsSheet.CheckIndicatorColumn(problems, indicators, committeeBook);
        return new Framework(councils, priorities, services, indicators, targets) { Committees = committees, CommitteeItems = items, Actions = actions, Milestones = milestones };
    }
}
