using Pmf.Pipeline.FollowUp;
using Pmf.Pipeline.Samples;
using Pmf.Pipeline.Tests.FollowUp;
using Pmf.Pipeline.Tests.Support;
using Pmf.Pipeline.Web;

namespace Pmf.Pipeline.Tests.Alerts;

public sealed class DigestLinkTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    [Fact]
    public async Task Each_digest_item_links_to_its_follow_up_and_a_failing_one_to_its_result_in_both_bodies()
    {
        await using var harness = await RedHousingAsync();
        harness.Links = new WebLinks("https://pmf.ashby.gov.uk/");

        await harness.SweepAsync(Monday);

        var red = (await harness.FollowUpAsync(FollowUpKind.Red, "ASH-HOU-01", "2026/27 Q2"))!;
        var message = Assert.Single(harness.Mail.Sent, m => (m.HtmlBody ?? "").Contains($"data-follow-up=\"{red.Id}\"", StringComparison.Ordinal));
        var page = Dom.Parse(message.HtmlBody ?? "");
        var item = page.One($"tr.item[data-follow-up='{red.Id}']");
        Assert.Equal($"https://pmf.ashby.gov.uk/follow-ups/{red.Id}", item.One("a.follow-up-link").GetAttribute("href"));
        Assert.Equal("https://pmf.ashby.gov.uk/results/ASH/ASH-HOU-01/2026-27-Q2", item.One("a.result-link").GetAttribute("href"));
        Assert.Contains($"Open follow-up {red.Id}: https://pmf.ashby.gov.uk/follow-ups/{red.Id}", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://pmf.ashby.gov.uk/results/ASH/ASH-HOU-01/2026-27-Q2", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("pmf followup ack", message.TextBody, StringComparison.Ordinal);
        var late = page.QuerySelectorAll("tr.item").Where(r => r.TextContent.Contains("overdue", StringComparison.Ordinal)).ToList();
        Assert.All(late, r => Assert.Empty(r.QuerySelectorAll("a.result-link")));
        Assert.All(page.QuerySelectorAll("tr.item"), r => Assert.NotNull(r.QuerySelector("a.follow-up-link")));
    }

    [Fact]
    public async Task Without_a_public_address_the_digest_has_no_links_and_keeps_the_command_hint()
    {
        await using var harness = await RedHousingAsync();

        await harness.SweepAsync(Monday);

        var message = harness.Mail.Sent.First(m => (m.Subject ?? "").Contains("Housing", StringComparison.Ordinal));
        Assert.Empty(Dom.Parse(message.HtmlBody ?? "").QuerySelectorAll("a"));
        Assert.Contains("pmf followup ack ID --note", message.TextBody, StringComparison.Ordinal);
    }

    private static async Task<SweepHarness> RedHousingAsync()
    {
        var harness = await SweepHarness.CreateAsync();
        await harness.Ingest.DropAndIngestAsync(new SampleReturnFile(
            "HOU", "red.csv", SampleFormat.Csv, [new SampleReturnLine("ASH-HOU-01", "2026/27 Q2", 5, Commentary: "Slipped.")], null, [], "test"));
        return harness;
    }
}
