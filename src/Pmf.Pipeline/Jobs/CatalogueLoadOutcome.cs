using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Pipeline.Jobs;

/// <summary>The verdict on a catalogue: its problems, and what loading it did when it had no errors.</summary>
/// <param name="FileName">The catalogue file as named by whoever handed it over.</param>
/// <param name="Problems">Every problem found, in one pass.</param>
/// <param name="Summary">What was loaded; null when the catalogue had errors and nothing changed.</param>
public sealed record CatalogueLoadOutcome(string FileName, IReadOnlyList<CatalogueProblem> Problems, CatalogueLoadSummary? Summary)
{
    /// <summary>True when the warehouse now reflects the catalogue.</summary>
    public bool Loaded => Summary is not null;

    /// <summary>True when the catalogue was only checked (<c>pmf catalogue validate</c>), never meant to be loaded.</summary>
    public bool Checked { get; init; }

    /// <summary>The copy of the workbook with each problem marked in its cell, when one was written.</summary>
    public string? CheckedCopy { get; init; }
}
