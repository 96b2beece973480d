using System.Text;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Tests.Support;
using Pmf.Pipeline.Web;

namespace Pmf.Pipeline.Tests.Web;

/// <summary>
/// The action updates a service owes, on its page and on the performance team's board, over HTTP against a real
/// <c>pmf serve</c> (real clock): Democratic Services owes only action updates, Housing owes them beside its returns.
/// </summary>
public sealed class WebActionUpdatesTests(WebRig rig) : IClassFixture<WebRig>
{
    private static DateOnly Today => UkClock.Today(TimeProvider.System);

    private static Period LastQuarter => Period.Containing(Today, Frequency.Quarterly).Previous();

    private static string Expected(Period quarter) => Today > ReturnDueDate.ForActionUpdate(quarter, Nation.England) ? "Overdue" : "Not due yet";

    [Fact]
    public async Task A_service_owing_only_action_updates_sees_them_with_their_due_dates_and_gets_its_actions_only_template()
    {
        var served = await rig.AsAsync(WebRig.PerformanceOfficer);

        var page = Dom.Parse(await served.Client.GetStringAsync(WebPaths.Service("DEM")));

        Assert.Contains("owes no indicator figures at the moment, only the delivery-plan action updates below", page.One("main").Words(), StringComparison.Ordinal);
        var row = page.One($"table.owed-actions[data-period='{LastQuarter.Key}'] tr[data-action='ASH-A01']");
        Assert.Contains("Live-stream every committee meeting", row.Words(), StringComparison.Ordinal);
        Assert.Contains(ReturnDueDate.ForActionUpdate(LastQuarter, Nation.England).ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture), row.Words(), StringComparison.Ordinal);
        Assert.Equal(Expected(LastQuarter), row.One(".tag").Words());
        Assert.Contains("No update yet", row.Words(), StringComparison.Ordinal);

        var link = page.QuerySelectorAll("main a").Single(a => a.GetAttribute("href") == WebPaths.Template("DEM", LastQuarter.Key));
        using var response = await served.Client.GetAsync(link.GetAttribute("href"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal(["Actions"], workbook.Worksheets.Select(w => w.Name));
    }

    [Fact]
    public async Task An_update_in_shows_its_status_and_delivery_rag_in_words_beside_housings_returns_and_on_the_board()
    {
        var served = await rig.AsAsync(WebRig.HeadOfHousing);
        var csv = $"Action,Period,Status,Percent complete,Commentary\r\nASH-A02,{LastQuarter.Key},Off track,25,The contractor went into administration.\r\n";
        var store = served.Host.Services.GetRequiredService<IReturnStore>();
        await store.DropAsync(ReturnPath.Parse("HOU/hou actions.csv").Path!, new MemoryStream(Encoding.UTF8.GetBytes(csv)), null, CancellationToken.None);
        var outcome = await served.Host.Services.GetRequiredService<IngestReturnJob>().RunAsync("HOU/hou actions.csv", CancellationToken.None);
        Assert.Equal(Pipeline.Warehouse.SubmissionVerdict.Accepted, outcome.Verdict);

        var page = Dom.Parse(await served.Client.GetStringAsync(WebPaths.Service("HOU")));

        Assert.NotEmpty(page.QuerySelectorAll("table.owed tbody tr"));
        var row = page.One($"table.owed-actions[data-period='{LastQuarter.Key}'] tr[data-action='ASH-A02']");
        Assert.Matches("^Received( late)?$", row.One(".tag").Words());
        Assert.Contains("Off track, 25% complete", row.Words(), StringComparison.Ordinal);
        Assert.Equal("Off track", row.One(".rag.red").Words());
        var current = page.One($"table.owed-actions[data-period='{LastQuarter.Next().Key}'] tr[data-action='ASH-A02']");
        Assert.Contains($"Off track, 25% complete (reported for {LastQuarter.Key})", current.Words(), StringComparison.Ordinal);

        var team = await rig.AsAsync(WebRig.PerformanceOfficer);
        var board = Dom.Parse(await team.Client.GetStringAsync(WebPaths.BoardFor(LastQuarter.Key)));

        Assert.DoesNotContain(board.QuerySelectorAll("table.board tbody tr"), r => r.Words().Contains("Democratic Services", StringComparison.Ordinal));
        var dem = board.One("table.board-actions tr[data-service='DEM']");
        Assert.Contains("Democratic Services", dem.Words(), StringComparison.Ordinal);
        Assert.Equal(Expected(LastQuarter), dem.One(".tag").Words());
        Assert.Contains("0 of 1", dem.Words(), StringComparison.Ordinal);
        var summary = board.One("h2#actions + p").Words();
        Assert.DoesNotContain("rejected", summary, StringComparison.Ordinal); // an action update is never refused as a whole
        Assert.Contains("services all received", summary, StringComparison.Ordinal);
    }
}
