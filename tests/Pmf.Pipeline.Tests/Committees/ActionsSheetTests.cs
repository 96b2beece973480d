using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Samples.Frameworks;
using Pmf.Pipeline.Tests.Catalogue;
using Pmf.Pipeline.Tests.Support;
using Pmf.Pipeline.Warehouse;
using static Pmf.Pipeline.Tests.Catalogue.CatalogueAssert;

namespace Pmf.Pipeline.Tests.Committees;

/// <summary>The catalogue's optional Actions and Milestones sheets: the delivery plan, its milestones, and the committees that receive it.</summary>
public sealed class ActionsSheetTests
{
    private static CatalogueWorkbookBuilder WithPlan() => new CatalogueWorkbookBuilder()
        .AddSheet("Actions", ["Code", "Name", "Council", "Priority", "Objective", "Service", "Lead officer", "Start", "End"],
            ["A01", "Build 40 council homes", "ABC", "P1", "O1", "HOU", "Jo Bloggs", new DateTime(2025, 4, 1, 0, 0, 0, DateTimeKind.Unspecified), new DateTime(2026, 3, 31, 0, 0, 0, DateTimeKind.Unspecified)],
            ["A02", "Clean air zone study", "ABC", "P2", null, "ENV", null, null, null])
        .AddSheet("Milestones", ["Action", "Milestone", "Due"],
            ["A01", "Start on site", new DateTime(2025, 9, 30, 0, 0, 0, DateTimeKind.Unspecified)],
            ["A01", "Handover", new DateTime(2026, 3, 31, 0, 0, 0, DateTimeKind.Unspecified)])
        .AddSheet("Committees", ["Code", "Name", "Council", "Kind"], ["HC", "Housing Committee", "ABC", "Executive"])
        .AddSheet("Committee items", ["Committee", "Priority", "Objective", "Indicator", "Action"], ["HC", "P1", null, null, null], ["HC", null, null, null, "A02"]);

    [Fact]
    public void The_plan_is_read_with_its_milestones_and_a_committee_receives_the_actions_under_its_items()
    {
        var result = WithPlan().Read();

        Assert.Empty(result.Problems);
        var f = result.Framework!;
        Assert.Equal(
            [new DeliveryAction("A01", "Build 40 council homes", "ABC", "P1", "O1", "HOU", "Jo Bloggs", new DateOnly(2025, 4, 1), new DateOnly(2026, 3, 31)),
             new DeliveryAction("A02", "Clean air zone study", "ABC", "P2", null, "ENV", null, null, null)],
            f.Actions);
        Assert.Equal([new Milestone("A01", "Start on site", new DateOnly(2025, 9, 30)), new Milestone("A01", "Handover", new DateOnly(2026, 3, 31))], f.Milestones);
        Assert.Equal(["A01", "A02"], CommitteeScope.Actions(f, f.Committees[0]));
    }

    [Fact]
    public void An_action_ending_before_it_starts_is_an_error_on_its_row()
    {
        var result = WithPlan().Set("Actions", 1, "End", new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Unspecified)).Read();

        Problem(result, "Actions", 2, "End", "End (01/01/2025) is before Start (01/04/2025); correct one of them.");
    }

    [Fact]
    public void A_milestone_of_an_action_not_in_the_plan_or_without_a_date_is_an_error()
    {
        var result = WithPlan().Set("Milestones", 1, "Action", "A09").Set("Milestones", 2, "Due", null).Read();

        Problem(result, "Milestones", 2, "Action", "Action 'A09' is not on the Actions sheet; use one of its codes (A01, A02).");
        Problem(result, "Milestones", 3, "Due", "Due is blank; give the date the milestone is due.");
        Assert.Null(result.Framework);
    }

    [Fact]
    public void An_action_with_an_indicators_code_is_an_error()
    {
        var result = WithPlan().Set("Actions", 2, "Code", "ENV-01").Set("Committee items", 2, "Action", "A01").Read();

        Problem(result, "Actions", 3, "Code", "Action code 'ENV-01' is already an indicator's code; give the action a code of its own.");
    }

    [Fact]
    public async Task The_warehouse_holds_each_action_with_its_milestones_and_the_actions_each_committee_receives()
    {
        var framework = DemoFrameworks.Named("stroud").Create(new FinancialYear(2026));
        using var warehouse = await TestWarehouse.CreateAsync();
        await using (var connection = await warehouse.OpenAsync())
        {
            await CatalogueLoader.LoadAsync(connection, framework, "catalogue.xlsx", FrameworkFingerprint.Of(framework), CliRun.Now, new DateOnly(2025, 4, 1), CancellationToken.None);
        }

        Assert.Equal(framework.Actions.Count, await warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM v_action"));
        Assert.Equal(framework.Milestones.Count, await warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM v_milestone"));
        foreach (var committee in framework.Committees)
        {
            Assert.Equal(
                CommitteeScope.Actions(framework, committee).Count,
                await warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM v_committee_item WHERE \"Committee code\" = @Code AND \"Item kind\" = 'Action'", new { committee.Code }));
        }

        Assert.Equal(3L, await warehouse.ScalarAsync<long>("SELECT COUNT(*) FROM v_committee_item WHERE \"Committee code\" = 'EC' AND \"Item kind\" = 'Action'"));
        Assert.Equal("2026-12-31", await warehouse.ScalarAsync<string>("SELECT \"Due date\" FROM v_milestone WHERE \"Milestone\" = 'Development partner appointed'"));
    }
}
