using System.Text;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Scoring;
using Pmf.Pipeline.Tests.Actions;
using Pmf.Pipeline.Warehouse;
using Pmf.Pipeline.Web;

namespace Pmf.Pipeline.Tests.Web;

/// <summary>
/// What a service owes on its delivery-plan actions, as of 23 November 2026: an update on each action every quarter,
/// due 10 working days after the quarter ends, until one reports it delivered.
/// </summary>
public sealed class OwedActionUpdatesTests
{
    private static readonly Period Q1 = Period.Quarter(2026, 1);
    private static readonly Period Q2 = Period.Quarter(2026, 2);
    private static readonly Period Q3 = Period.Quarter(2026, 3);

    [Fact]
    public async Task A_service_owing_only_action_updates_owes_one_a_quarter_by_the_one_due_date_and_an_update_in_shows_its_status_and_rag()
    {
        await using var harness = await ActionHarness.CreateAsync(ActionHarness.WithDemocraticServices);
        var owed = new OwedActionUpdates(harness.Warehouse.Database, harness.Clock);

        var before = await owed.ForServiceAsync("dem", CancellationToken.None);

        Assert.Equal(
            [(Q3, "SOD-A04", OwedState.NotDueYet), (Q2, "SOD-A04", OwedState.Overdue), (Q1, "SOD-A04", OwedState.Overdue)],
            before.Select(u => (u.Period, u.ActionCode, u.State)));
        Assert.Equal(new DateOnly(2026, 10, 14), before[1].DueBy);
        Assert.All(before, u => Assert.Null(u.Latest));

        var outcome = await harness.DropAndIngestAsync("DEM/dem q2 actions.csv", Csv("SOD-A04,2026/27 Q2,At risk,40,The chamber's cameras arrive late."));
        Assert.Equal(SubmissionVerdict.Accepted, outcome.Verdict);
        var after = await owed.ForServiceAsync("DEM", CancellationToken.None);

        var q2 = after.Single(u => u.Period == Q2);
        Assert.Equal(OwedState.Received, q2.State);
        Assert.True(q2.Late); // in on 23 November, due 14 October
        Assert.Equal(("At risk", 40m, RagStatus.Amber, "At risk"), (q2.Received!.Status, q2.Received.PercentComplete, q2.Received.Rag, q2.Received.Label));
        var q3 = after.Single(u => u.Period == Q3);
        Assert.Null(q3.Received);
        Assert.Equal(Q2, q3.Latest!.Period); // the latest word on it, reported for the quarter before
        Assert.Equal(OwedState.Overdue, after.Single(u => u.Period == Q1).State);
    }

    [Fact]
    public async Task An_action_reported_delivered_is_owed_no_further_update()
    {
        await using var harness = await ActionHarness.CreateAsync(ActionHarness.WithDemocraticServices);
        var owed = new OwedActionUpdates(harness.Warehouse.Database, harness.Clock);

        var outcome = await harness.DropAndIngestAsync("DEM/dem q1 actions.csv", Csv("SOD-A04,2026/27 Q1,Complete,100,Every meeting live-streamed since June.,30/06/2026"));

        Assert.Equal(SubmissionVerdict.Accepted, outcome.Verdict);
        var after = await owed.ForServiceAsync("DEM", CancellationToken.None);
        Assert.Equal([(Q1, OwedState.Received)], after.Select(u => (u.Period, u.State)));
        Assert.Equal("Delivered", after[0].Received!.Label);
        Assert.True(after[0].Late); // sent in November for a quarter due in July
    }

    [Fact]
    public async Task An_update_the_gate_refused_shows_as_refused_with_its_reason_until_a_clean_one_loads()
    {
        await using var harness = await ActionHarness.CreateAsync(ActionHarness.WithDemocraticServices);
        var owed = new OwedActionUpdates(harness.Warehouse.Database, harness.Clock);

        var refused = await harness.DropAndIngestAsync("DEM/dem q2 actions.csv", Csv("SOD-A04,2026/27 Q2,On track,150,Cameras fitted."));

        Assert.NotEqual(SubmissionVerdict.Accepted, refused.Verdict);
        var q2 = (await owed.ForServiceAsync("DEM", CancellationToken.None)).Single(u => u.Period == Q2);
        Assert.Equal(OwedState.Rejected, q2.State); // before: Overdue, as if nothing had been sent
        Assert.Equal(Q2, q2.Refused!.Period);
        var words = Pmf.Pipeline.Pages.Web.ActionWords.Status(q2);
        var on = UkClock.DateAt(q2.Refused.ReceivedAt).ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith($"Refused on {on}: Percent complete", words, StringComparison.Ordinal);
        Assert.Contains("150", words, StringComparison.Ordinal);

        var clean = await harness.DropAndIngestAsync("DEM/dem q2 actions again.csv", Csv("SOD-A04,2026/27 Q2,On track,50,Cameras fitted."));

        Assert.Equal(SubmissionVerdict.Accepted, clean.Verdict);
        var after = (await owed.ForServiceAsync("DEM", CancellationToken.None)).Single(u => u.Period == Q2);
        Assert.Equal((OwedState.Received, (ActionUpdateRefused?)null), (after.State, after.Refused));
    }

    [Fact]
    public async Task The_board_groups_every_services_action_updates_for_a_quarter_by_council_and_service()
    {
        await using var harness = await ActionHarness.CreateAsync(ActionHarness.WithDemocraticServices);
        await harness.DropAndIngestAsync("CLM/clm q2 actions.csv", Csv("SOD-A01,2026/27 Q2,On track,50,Emissions reported to CEAC."));

        var groups = OwedActionGroup.Of(await new OwedActionUpdates(harness.Warehouse.Database, harness.Clock).ForPeriodAsync(Q2, CancellationToken.None));

        var clm = groups.Single(g => g.CouncilCode == "SOD" && g.ServiceCode == "CLM");
        Assert.Equal((1, 2, OwedState.PartReceived), (clm.Received, clm.Updates.Count, clm.State));
        var dem = groups.Single(g => g.ServiceCode == "DEM");
        Assert.Equal((0, 1, OwedState.Overdue), (dem.Received, dem.Updates.Count, dem.State));
        Assert.All(groups, g => Assert.Equal(Q2, g.Period));
        // A month that ends no quarter asks for no update.
        Assert.Empty(await new OwedActionUpdates(harness.Warehouse.Database, harness.Clock).ForPeriodAsync(Period.Month(2026, 8), CancellationToken.None));
    }

    private static byte[] Csv(string row) =>
        Encoding.UTF8.GetBytes("Action,Period,Status,Percent complete,Commentary,Completion date\r\n" + row + "\r\n");
}
