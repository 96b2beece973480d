using System.Net;
using AngleSharp.Dom;
using Pmf.Pipeline.FollowUp;
using Pmf.Pipeline.Reports;
using Pmf.Pipeline.Tests.Support;
using Pmf.Pipeline.Web;

namespace Pmf.Pipeline.Tests.Web;

/// <summary>
/// A head of service's pages on a real <c>pmf serve</c>: a Red Housing result and a Red Planning result ingested
/// through the host's own gate, the sweep run with links to the host, and the digest it mailed followed.
/// </summary>
public sealed class HeadOfServicePagesTests(WebRig rig) : IClassFixture<WebRig>
{
    [Fact]
    public async Task A_head_of_service_acknowledges_a_follow_up_from_the_link_in_their_digest()
    {
        var served = await rig.AsAsync(WebRig.HeadOfHousing);
        var mail = await HeadOfServiceSeed.SeedAsync(served);
        var red = await HeadOfServiceSeed.FollowUpIdAsync(served, FollowUpKind.Red, "ASH-HOU-01");
        var digest = mail.Single(m => (m.HtmlBody ?? "").Contains($"data-follow-up=\"{red}\"", StringComparison.Ordinal));
        var link = new Uri(Dom.Parse(digest.HtmlBody ?? "").One($"tr.item[data-follow-up='{red}'] a.follow-up-link").GetAttribute("href")!);

        Assert.Equal(served.Address.Authority, link.Authority);
        var page = await GetPageAsync(served, link.PathAndQuery);
        using var posted = await PostAsync(served, page, "form.acknowledge", new() { ["note"] = "Site meetings weekly; recovery plan to scrutiny in January." });
        var after = await GetPageAsync(served, link.PathAndQuery);

        Assert.Equal((HttpStatusCode.SeeOther, link.AbsolutePath), (posted.StatusCode, posted.Headers.Location?.OriginalString));
        var history = after.One("table.history").Words();
        // The person's address beside their name, in the history and in follow_up_event: a name alone could be anyone's.
        Assert.Contains($"Acknowledged Priya Shah ({WebRig.HeadOfHousing.Email}) Site meetings weekly; recovery plan to scrutiny in January.", history, StringComparison.Ordinal);
        Assert.Equal(WebRig.HeadOfHousing.Email, await served.ScalarAsync<string>(
            "SELECT actor_email FROM follow_up_event WHERE follow_up_id = @Id AND action = 'Acknowledged'", new { Id = red }));
        Assert.Contains("Acknowledged", after.One("dl.facts").Words(), StringComparison.Ordinal);
        Assert.Equal(1L, await served.ScalarAsync<long>(
            "SELECT COUNT(*) FROM web_audit WHERE action = 'Acknowledged follow-up' AND actor_email = @Email AND subject = @Subject",
            new { WebRig.HeadOfHousing.Email, Subject = $"follow-up {red}" }));
    }

    [Fact]
    public async Task A_remedial_action_added_on_a_red_result_page_is_in_the_next_committee_report()
    {
        var served = await rig.AsAsync(WebRig.HeadOfHousing);
        await HeadOfServiceSeed.SeedAsync(served);
        var path = WebPaths.Result("ASH", "ASH-HOU-01", "2026/27 Q2");

        var page = await GetPageAsync(served, path);
        Assert.Equal("Red", page.One("span.rag").Words());
        using var posted = await PostAsync(served, page, "form.remedial", new()
        {
            ["commentary"] = "The contractor went into administration.",
            ["remedial_action"] = "Interim contractor on site from 5 January.",
        });
        var report = await new PerformanceReportQuery(served.Warehouse).LoadAsync(
            new CouncilName("ASH", "Ashby"), ReportPeriods.For(PerformanceReportKind.Quarterly, Pipeline.Calendar.Period.Quarter(2026, 2)), TimeProvider.System.GetUtcNow(), CancellationToken.None);
        var card = Dom.Parse(PerformanceReportHtml.Render(report)).One("#red .card[data-indicator='ASH-HOU-01']").Words();

        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.Contains("Remedial action: Interim contractor on site from 5 January.", card, StringComparison.Ordinal);
        Assert.Contains("by Priya Shah", card, StringComparison.Ordinal);
        var notes = (await GetPageAsync(served, path)).One("ol.notes").Words();
        Assert.Contains("Interim contractor on site from 5 January.", notes, StringComparison.Ordinal);
        Assert.Contains($"Priya Shah ({WebRig.HeadOfHousing.Email})", notes, StringComparison.Ordinal);
        Assert.DoesNotContain(WebRig.HeadOfHousing.Email, card, StringComparison.Ordinal); // councillors' papers name, never address
        Assert.Equal(WebRig.HeadOfHousing.Email, await served.ScalarAsync<string>("SELECT written_by_email FROM result_note"));
    }

    [Fact]
    public async Task Another_service_follow_up_and_result_answer_403_and_change_nothing()
    {
        var served = await rig.AsAsync(WebRig.HeadOfHousing);
        await HeadOfServiceSeed.SeedAsync(served);
        var planning = await HeadOfServiceSeed.FollowUpIdAsync(served, FollowUpKind.Red, "ASH-PLN-01");
        var own = await GetPageAsync(served, WebPaths.FollowUp(await HeadOfServiceSeed.FollowUpIdAsync(served, FollowUpKind.Red, "ASH-HOU-01")));
        var token = own.One("form.acknowledge input[type=hidden]");

        using var show = await served.Client.GetAsync(WebPaths.FollowUp(planning));
        using var result = await served.Client.GetAsync(WebPaths.Result("ASH", "ASH-PLN-01", "2026/27 Q2"));
        using var ack = await served.Client.PostAsync(WebPaths.Acknowledge(planning), Form(token, new() { ["note"] = "Not mine." }));
        using var remedial = await served.Client.PostAsync(WebPaths.Remedial("ASH", "ASH-PLN-01", "2026/27 Q2"), Form(token, new() { ["remedial_action"] = "Not mine." }));
        var list = await GetPageAsync(served, WebPaths.FollowUps);

        Assert.Equal(
            [HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden],
            new[] { show.StatusCode, result.StatusCode, ack.StatusCode, remedial.StatusCode });
        Assert.Equal(0L, await served.ScalarAsync<long>("SELECT COUNT(*) FROM follow_up_event WHERE follow_up_id = @Id AND action = 'Acknowledged'", new { Id = planning }));
        Assert.Equal(0L, await served.ScalarAsync<long>("SELECT COUNT(*) FROM result_note WHERE indicator_code = 'ASH-PLN-01'"));
        Assert.All(list.QuerySelectorAll("tr[data-follow-up] td[data-label=Service]"), td => Assert.Equal("HOU", td.Words()));
    }

    [Fact]
    public async Task An_overdue_return_cannot_be_resolved_by_its_head_of_service_only_acknowledged()
    {
        var served = await rig.AsAsync(WebRig.HeadOfHousing);
        await HeadOfServiceSeed.SeedAsync(served);
        var late = await served.ScalarAsync<long>("SELECT MIN(follow_up_id) FROM follow_up WHERE kind = 'Late' AND owner_email = @Email", new { WebRig.HeadOfHousing.Email });
        var page = await GetPageAsync(served, WebPaths.FollowUp(late));

        using var resolve = await served.Client.PostAsync(WebPaths.Resolve(late), Form(page.One("form.acknowledge input[type=hidden]"), new() { ["note"] = "Sent by post." }));

        Assert.Empty(page.QuerySelectorAll("form.resolve"));
        Assert.Equal(HttpStatusCode.Forbidden, resolve.StatusCode);
        Assert.Contains("resolved by the pipeline when the data arrives", Dom.Parse(await resolve.Content.ReadAsStringAsync()).One("main").Words(), StringComparison.Ordinal);
        Assert.NotEqual("Resolved", await served.ScalarAsync<string>("SELECT status FROM follow_up WHERE follow_up_id = @Id", new { Id = late }));
    }

    [Fact]
    public async Task The_performance_team_sees_every_service_follow_ups()
    {
        var served = await rig.AsAsync(WebRig.PerformanceOfficer);
        await HeadOfServiceSeed.SeedAsync(served);

        var list = await GetPageAsync(served, WebPaths.FollowUps);

        var services = list.QuerySelectorAll("tr[data-follow-up] td[data-label=Service]").Select(td => td.Words()).ToHashSet();
        Assert.Contains("HOU", services);
        Assert.Contains("PLN", services);
    }

    private static async Task<IDocument> GetPageAsync(ServedPages served, string path)
    {
        using var response = await served.Client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}\n{html}");
        return Dom.Parse(html);
    }

    private static Task<HttpResponseMessage> PostAsync(ServedPages served, IDocument page, string formSelector, Dictionary<string, string> fields)
    {
        var form = page.One(formSelector);
        return served.Client.PostAsync(form.GetAttribute("action"), Form(form.One("input[type=hidden]"), fields));
    }

    private static FormUrlEncodedContent Form(IElement token, Dictionary<string, string> fields)
    {
        fields[token.GetAttribute("name")!] = token.GetAttribute("value")!;
        return new FormUrlEncodedContent(fields);
    }
}
