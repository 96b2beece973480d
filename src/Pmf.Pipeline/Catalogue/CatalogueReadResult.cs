namespace Pmf.Pipeline.Catalogue;

/// <summary>What reading a catalogue workbook produced: the framework, or every problem that stops it.</summary>
/// <param name="Framework">The framework; non-null only when there are no errors (warnings allowed).</param>
/// <param name="Problems">Every error and warning found, in sheet and row order.</param>
public sealed record CatalogueReadResult(Framework? Framework, IReadOnlyList<CatalogueProblem> Problems)
{
    /// <summary>The problems that stop the catalogue loading.</summary>
    public IEnumerable<CatalogueProblem> Errors => Problems.Where(p => p.Severity == ProblemSeverity.Error);

    /// <summary>Harmless oddities worth a look.</summary>
    public IEnumerable<CatalogueProblem> Warnings => Problems.Where(p => p.Severity == ProblemSeverity.Warning);
}
