using Pmf.Pipeline.FollowUp;
using Pmf.Pipeline.Reports;
using Pmf.Pipeline.Tests.Support;
using Pmf.Pipeline.Web;

namespace Pmf.Pipeline.Tests.Web;

/// <summary>
/// A head of service's flow in headless Chromium against a real <c>pmf serve</c>, without JavaScript and by keyboard:
/// acknowledge a follow-up from the link in their digest; add a remedial action to a Red result and find it in the
/// next committee report; axe finds no serious or critical problem on the pages.
/// </summary>
public sealed class HeadOfServiceInChromiumTests(WebRig rig, WebBrowser browser) : IClassFixture<WebRig>, IClassFixture<WebBrowser>
{
    [Fact]
    public async Task A_head_of_service_follows_the_digest_link_and_acknowledges_by_keyboard()
    {
        var served = await rig.AsAsync(WebRig.HeadOfHousing);
        var mail = await HeadOfServiceSeed.SeedAsync(served);
        var red = await HeadOfServiceSeed.FollowUpIdAsync(served, FollowUpKind.Red, "ASH-HOU-01");
        var digest = mail.Single(m => (m.HtmlBody ?? "").Contains($"data-follow-up=\"{red}\"", StringComparison.Ordinal));
        var link = Dom.Parse(digest.HtmlBody ?? "").One($"tr.item[data-follow-up='{red}'] a.follow-up-link").GetAttribute("href")!;
        var page = await browser.OpenAsync(served);

        await page.GotoAsync(link);
        await WebBrowser.ScreenshotsAsync(page, "follow-up");
        await page.Locator("#ack-note").FocusAsync();
        await page.Keyboard.TypeAsync("Weekly site meetings until the two sites restart.");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**{WebPaths.FollowUp(red)}");
        // The page was already at this address before the form was sent: wait for the answer to the POST itself.
        await Microsoft.Playwright.Assertions.Expect(page.Locator("table.history")).ToContainTextAsync("Weekly site meetings");

        var history = await page.Locator("table.history").InnerTextAsync();
        Assert.Contains("Weekly site meetings until the two sites restart.", history, StringComparison.Ordinal);
        Assert.Contains("Priya Shah", history, StringComparison.Ordinal);
        Assert.Equal(FollowUpStatus.Acknowledged, await served.ScalarAsync<string>("SELECT status FROM follow_up WHERE follow_up_id = @Id", new { Id = red }));
    }

    [Fact]
    public async Task A_remedial_action_typed_on_a_red_result_reaches_the_next_committee_report()
    {
        var served = await rig.AsAsync(WebRig.HeadOfHousing);
        await HeadOfServiceSeed.SeedAsync(served);
        var page = await browser.OpenAsync(served);

        await page.GotoAsync(WebPaths.Result("ASH", "ASH-HOU-01", "2026/27 Q2"));
        Assert.Equal("Red", (await page.Locator("dd span.rag").InnerTextAsync()).Trim());
        await page.Locator("#remedial_action").FocusAsync();
        await page.Keyboard.TypeAsync("A second contractor starts on both sites in January.");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/results/ASH/ASH-HOU-01/2026-27-Q2");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("ol.notes")).ToContainTextAsync("A second contractor");
        await WebBrowser.ScreenshotsAsync(page, "result");

        Assert.Contains("A second contractor starts on both sites in January.", await page.Locator("ol.notes").InnerTextAsync(), StringComparison.Ordinal);
        var report = await new PerformanceReportQuery(served.Warehouse).LoadAsync(
            new CouncilName("ASH", "Ashby"), ReportPeriods.For(PerformanceReportKind.Quarterly, Pipeline.Calendar.Period.Quarter(2026, 2)), TimeProvider.System.GetUtcNow(), CancellationToken.None);
        Assert.Contains(
            "Remedial action: A second contractor starts on both sites in January.",
            Dom.Parse(PerformanceReportHtml.Render(report)).One("#red .card[data-indicator='ASH-HOU-01']").Words(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Axe_finds_no_serious_or_critical_problem_on_the_head_of_service_pages()
    {
        var served = await rig.AsAsync(WebRig.HeadOfHousing);
        await HeadOfServiceSeed.SeedAsync(served);
        var late = await served.ScalarAsync<long>("SELECT MIN(follow_up_id) FROM follow_up WHERE kind = 'Late' AND owner_email = @Email", new { WebRig.HeadOfHousing.Email });

        foreach (var path in new[]
        {
            WebPaths.FollowUps,
            WebPaths.FollowUp(await HeadOfServiceSeed.FollowUpIdAsync(served, FollowUpKind.Red, "ASH-HOU-01")),
            WebPaths.FollowUp(late),
            WebPaths.Result("ASH", "ASH-HOU-01", "2026/27 Q2"),
        })
        {
            await browser.AxeAsync(served, path);
        }

        var page = await browser.OpenAsync(served);
        await page.GotoAsync(WebPaths.FollowUps);
        await WebBrowser.ScreenshotsAsync(page, "follow-ups");
    }
}
