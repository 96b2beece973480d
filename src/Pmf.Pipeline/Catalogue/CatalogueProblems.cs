namespace Pmf.Pipeline.Catalogue;

/// <summary>Collects problems while a catalogue is read, so one pass reports them all.</summary>
internal sealed class CatalogueProblems(string file)
{
    private readonly List<CatalogueProblem> _problems = [];

    public string File { get; } = file;

    public IReadOnlyList<CatalogueProblem> All => _problems;

    public bool HasErrors => _problems.Exists(p => p.Severity == ProblemSeverity.Error);

    public void Error(string? sheet, int? row, string? column, string? value, string message, int? columnNumber = null) =>
        _problems.Add(new CatalogueProblem(File, sheet, row, column, value, message, ProblemSeverity.Error) { ColumnNumber = columnNumber });

    public void Warning(string? sheet, int? row, string? column, string? value, string message, int? columnNumber = null) =>
        _problems.Add(new CatalogueProblem(File, sheet, row, column, value, message, ProblemSeverity.Warning) { ColumnNumber = columnNumber });
}
