using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Tests.Catalogue;
using Pmf.Pipeline.Tests.Support;
using static Pmf.Pipeline.Tests.Catalogue.CatalogueAssert;

namespace Pmf.Pipeline.Tests.Committees;

/// <summary>The catalogue's optional Committees and Committee items sheets, and what each committee receives.</summary>
public sealed class CommitteesSheetTests
{
    private static readonly string[] CommitteeHeader = ["Code", "Name", "Council", "Kind", "Performance monitors"];
    private static readonly string[] ItemHeader = ["Committee", "Priority", "Objective", "Indicator", "Action"];

    private static CatalogueWorkbookBuilder WithCommittees() => new CatalogueWorkbookBuilder()
        .AddSheet("Committees", CommitteeHeader,
            ["HC", "Housing Committee", "ABC", "Executive", "Cllr Ann Lee; Cllr Bob Hart"],
            ["AS", "Audit and Standards Committee", "ABC", "Audit", null],
            ["XS", "Scrutiny Committee", "XYZ", "Scrutiny", "Cllr Cy Dunn, Cllr Di Ford"])
        .AddSheet("Committee items", ItemHeader,
            ["HC", null, "O2", null, null],
            ["AS", null, null, "ENV-01", null],
            ["XS", "P1", null, null, null]);

    [Fact]
    public void A_catalogue_without_the_sheets_loads_as_before_with_no_committees()
    {
        var result = new CatalogueWorkbookBuilder().Read();

        Assert.Empty(result.Errors);
        Assert.Empty(result.Framework!.Committees);
        Assert.Equal("Housing Committee", result.Framework.Indicators.Single(i => i.Code == "HOU-01").Committee);
    }

    [Fact]
    public void Each_committee_receives_its_items_and_the_indicators_whose_committee_column_names_it()
    {
        var result = WithCommittees().Read();

        Assert.Empty(result.Problems);
        var f = result.Framework!;
        Assert.Equal(["HC", "AS", "XS"], f.Committees.Select(c => c.Code));
        Assert.Equal(["Cllr Ann Lee", "Cllr Bob Hart"], f.Committees[0].Monitors);
        Assert.Equal(["Cllr Cy Dunn", "Cllr Di Ford"], f.Committees[2].Monitors);
        Assert.Equal(CommitteeKind.Audit, f.Committees[1].Kind);
        // HOU-01 by its Committee column (the committee's name), HOU-02 through objective O2.
        Assert.Equal(["HOU-01", "HOU-02"], CommitteeScope.Indicators(f, f.Committees[0]));
        Assert.Equal(["ENV-01"], CommitteeScope.Indicators(f, f.Committees[1]));
        // XYZ's priority P1, not ABC's priority of the same code.
        Assert.Equal(["ENV-02"], CommitteeScope.Indicators(f, f.Committees[2]));
    }

    [Fact]
    public void An_indicator_naming_a_committee_goes_to_its_own_councils_committee_of_that_name_only()
    {
        // Two councils sharing one officer structure each have a committee of the same name (South's and
        // the Vale's Cabinet): ABC's indicator that names it is not the other council's committee's business.
        var result = new CatalogueWorkbookBuilder()
            .AddSheet("Committees", CommitteeHeader,
                ["HC", "Housing Committee", "ABC", "Executive", null],
                ["XH", "Housing Committee", "XYZ", "Executive", null])
            .Read();

        Assert.Empty(result.Errors);
        var f = result.Framework!;
        Assert.Equal(["HOU-01"], CommitteeScope.Indicators(f, f.Committees.Single(c => c.Code == "HC")));
        Assert.Empty(CommitteeScope.Indicators(f, f.Committees.Single(c => c.Code == "XH")));
    }

    [Fact]
    public void A_kind_not_recognised_is_an_error_naming_the_choices()
    {
        var result = WithCommittees().Set("Committees", 2, "Kind", "Quango").Read();

        Problem(result, "Committees", 3, "Kind", "Kind 'Quango' is not one the catalogue knows; write Executive, Scrutiny, Advisory or Audit.");
    }

    [Fact]
    public void An_item_naming_another_councils_objective_is_an_error_on_its_row()
    {
        var result = WithCommittees().Set("Committee items", 1, "Objective", "O9").Read();

        Problem(result, "Committee items", 2, "Objective", "Objective 'O9' is not on the Priorities sheet for council ABC");
        Assert.Null(result.Framework);
    }

    [Fact]
    public void A_row_naming_two_items_is_an_error()
    {
        var result = WithCommittees().Set("Committee items", 2, "Priority", "P2").Read();

        Problem(result, "Committee items", 3, "Indicator", "The row names both Indicator and Priority; give each item a row of its own.");
    }

    [Fact]
    public void Committee_items_without_a_Committees_sheet_name_committees_that_do_not_exist()
    {
        var result = WithCommittees().RemoveSheet("Committees").Read();

        Problem(result, "Committee items", 2, "Committee", "Committee 'HC' is not on the Committees sheet");
    }

    [Fact]
    public void An_indicator_naming_a_committee_the_sheet_lacks_is_a_warning_that_no_report_includes_it()
    {
        var result = WithCommittees().Set("Indicators", 1, "Committee", "Cabinet").Read();

        Assert.NotNull(result.Framework);
        var warning = Assert.Single(result.Problems, p => p.Severity == ProblemSeverity.Warning);
        Assert.Contains("Indicator HOU-01 names committee 'Cabinet', which is not on the Committees sheet, so no committee report includes it", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_workbook_writer_writes_committees_the_reader_reads_back_with_the_same_fingerprint()
    {
        var framework = WithCommittees().Read().Framework!;
        using var folder = new TempFolder();
        var path = folder.File("catalogue.xlsx");

        CatalogueWorkbookWriter.Write(framework, path);
        using var stream = File.OpenRead(path);
        var again = CatalogueReader.Read(stream, "catalogue.xlsx").Framework!;

        Assert.Equal(framework.Committees.Select(c => (c.Code, c.Name, c.CouncilCode, c.Kind, string.Join("|", c.Monitors))),
            again.Committees.Select(c => (c.Code, c.Name, c.CouncilCode, c.Kind, string.Join("|", c.Monitors))));
        Assert.Equal(framework.CommitteeItems, again.CommitteeItems);
        Assert.Equal(FrameworkFingerprint.Of(framework), FrameworkFingerprint.Of(again));
        Assert.NotEqual(FrameworkFingerprint.Of(framework with { Committees = [], CommitteeItems = [] }), FrameworkFingerprint.Of(framework));
    }
}
