using Pmf.Pipeline.Catalogue;

namespace Pmf.Pipeline.Tests.Catalogue;

internal static class CatalogueAssert
{
    /// <summary>Asserts exactly one problem at the place given, whose message contains <paramref name="says"/>.</summary>
    public static CatalogueProblem Problem(CatalogueReadResult result, string? sheet, int? row, string? column, string says, ProblemSeverity severity = ProblemSeverity.Error)
    {
        var at = result.Problems.Where(p => p.Sheet == sheet && p.Row == row && p.Column == column && p.Severity == severity).ToList();
        Assert.True(at.Count == 1, $"Expected one {severity} at {sheet} row {row} column {column}; problems were:\n{string.Join("\n", result.Problems)}");
        Assert.Contains(says, at[0].Message, StringComparison.Ordinal);
        Assert.Equal("catalogue.xlsx", at[0].File);
        return at[0];
    }

    /// <summary>Asserts the catalogue did not load, and that <paramref name="count"/> errors stopped it.</summary>
    public static void Errors(CatalogueReadResult result, int count)
    {
        Assert.Null(result.Framework);
        Assert.True(result.Errors.Count() == count, $"Expected {count} errors; problems were:\n{string.Join("\n", result.Problems)}");
    }
}
