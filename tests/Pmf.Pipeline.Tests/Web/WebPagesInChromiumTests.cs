using Pmf.Pipeline.Samples;
using Pmf.Pipeline.Tests.Jobs;
using Pmf.Pipeline.Web;

namespace Pmf.Pipeline.Tests.Web;

/// <summary>
/// Each role's flow in headless Chromium against a real <c>pmf serve</c>, without JavaScript and by keyboard where a
/// person would type: a return contact uploads a return and reads its report; the performance team reads the board
/// and takes a publication step; axe finds no serious or critical problem on any page.
/// </summary>
public sealed class WebPagesInChromiumTests(WebRig rig, WebBrowser browser) : IClassFixture<WebRig>, IClassFixture<WebBrowser>
{
    [Fact]
    public async Task A_return_contact_uploads_a_return_by_keyboard_and_reads_its_report_at_once()
    {
        var served = await rig.AsAsync(WebRig.HousingOfficer);
        var file = IngestHarness.CleanHousingReturn();
        var upload = Path.Combine(served.Folder, file.FileName);
        await File.WriteAllBytesAsync(upload, SampleReturnWriter.ToBytes(file));
        var page = await browser.OpenAsync(served);

        await page.GotoAsync(WebPaths.Service("HOU"));
        Assert.Empty(await WebBrowser.BrokenHeadingWordsAsync(page));
        await WebBrowser.ScreenshotsAsync(page, "service");
        await page.Locator("#file").SetInputFilesAsync(upload);
        await page.Locator("button[type=submit]", new() { HasText = "Upload and check" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/submissions/*?uploaded=1");

        var heading = await page.Locator(".report h2").First.InnerTextAsync();
        Assert.Contains(file.FileName, heading, StringComparison.Ordinal);
        Assert.StartsWith("Accepted", heading, StringComparison.Ordinal);
        Assert.Contains("Your file has been checked", await page.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);
        await WebBrowser.ScreenshotsAsync(page, "submission");
        Assert.Equal(1, await served.ScalarAsync<long>("SELECT COUNT(*) FROM submission WHERE service_code = 'HOU'"));
        Assert.Equal("Uploaded a return", await served.ScalarAsync<string>("SELECT action FROM web_audit WHERE actor_email = @Email", new { WebRig.HousingOfficer.Email }));
        Assert.Empty(Directory.GetFiles(Path.Combine(served.Folder, "storage", "returns", "HOU")));

        await page.GotoAsync(WebPaths.Submissions("HOU"));
        Assert.Equal(file.FileName, await page.Locator("table.submissions tbody td a").First.InnerTextAsync());
        await page.GotoAsync(WebPaths.Service("HOU"));
        Assert.Contains("Received", await page.Locator("table.owed").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_performance_teams_board_shows_the_period_by_council_and_service_and_a_period_is_reviewed()
    {
        var served = await rig.AsAsync(WebRig.PerformanceOfficer);
        var page = await browser.OpenAsync(served);

        await page.GotoAsync(WebPaths.BoardFor("2026/27 Q1"));

        Assert.Equal("Returns board: 2026/27 Q1", await page.Locator("h1").InnerTextAsync());
        var rows = await page.Locator("table.board tbody tr").AllInnerTextsAsync();
        Assert.Contains(rows, r => r.Contains("Housing", StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Matches("Received|Overdue|Part received|Rejected|Not due yet", r));
        // At desktop width no column heading ("Council", "Where it stands"...) is broken in the middle of a word.
        Assert.Empty(await WebBrowser.BrokenHeadingWordsAsync(page));
        Assert.Contains("Democratic Services", await page.Locator("table.board-actions").InnerTextAsync(), StringComparison.Ordinal);
        await WebBrowser.ScreenshotsAsync(page, "board");

        var council = (await page.Locator("table.board tbody tr td").First.InnerTextAsync()).Trim();
        await page.GotoAsync(WebPaths.Publication(council, "2026/27 Q1"));
        await page.Locator("#committee").FillAsync("Overview and Scrutiny");
        await page.Locator("#note").FillAsync("Minute 42");
        await page.Locator("button[type=submit]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        // The page was already at a /publication/ address before the form was sent: wait for the answer to the POST itself.
        await Microsoft.Playwright.Assertions.Expect(page.Locator("p.lede")).ToContainTextAsync("is reviewed");

        Assert.Contains("is reviewed", await page.Locator("p.lede").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Alex Morgan", await page.Locator("table.steps").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Overview and Scrutiny", await served.ScalarAsync<string>("SELECT committee FROM publication_step"));
        Assert.Equal("Publication: reviewed", await served.ScalarAsync<string>("SELECT action FROM web_audit"));
        await WebBrowser.ScreenshotsAsync(page, "publication");
    }

    [Theory]
    [InlineData("officer", "/")]
    [InlineData("officer", "/services/HOU")]
    [InlineData("team", "/services/DEM")]
    [InlineData("officer", "/services/HOU/submissions")]
    [InlineData("team", "/")]
    [InlineData("team", "/board?period=2026/27 Q1")]
    [InlineData("team", "/publication/ASH/2026-27 Q1")]
    [InlineData("planning", "/services/HOU")]
    [InlineData("nobody", "/")]
    public async Task Axe_finds_no_serious_or_critical_problem(string who, string path)
    {
        var served = await rig.AsAsync(who switch
        {
            "officer" => WebRig.HousingOfficer,
            "team" => WebRig.PerformanceOfficer,
            "planning" => WebRig.HeadOfPlanning,
            _ => null,
        });

        await browser.AxeAsync(served, path);
    }
}
