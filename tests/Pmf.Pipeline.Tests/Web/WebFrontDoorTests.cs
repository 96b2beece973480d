using System.Net;
using System.Text;
using Pmf.Pipeline.Tests.Support;
using Pmf.Pipeline.Web;

namespace Pmf.Pipeline.Tests.Web;

/// <summary>The front door of <c>pmf serve</c>'s pages over HTTP: who is signed in, what they see, what every page carries.</summary>
public sealed class WebFrontDoorTests(WebRig rig) : IClassFixture<WebRig>
{
    [Fact]
    public async Task Home_names_the_signed_in_person_and_lists_only_the_services_the_catalogue_gives_them()
    {
        var served = await rig.AsAsync(WebRig.HeadOfHousing);

        using var response = await served.Client.GetAsync("/");
        var page = Dom.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Signed in as Priya Shah", page.One("header").Words(), StringComparison.Ordinal);
        Assert.Equal(["Housing"], page.QuerySelectorAll("ul.cards li strong").Select(e => e.Words()));
        Assert.Contains(page.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == WebPaths.FollowUps);
        Assert.DoesNotContain(page.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == WebPaths.Board);
        Assert.Equal("#main", page.One("a.skip").GetAttribute("href"));
        Assert.Empty(page.Active());
    }

    [Fact]
    public async Task A_return_contact_named_with_other_capitals_gets_their_service_and_no_follow_ups_link()
    {
        var served = await rig.AsAsync(WebRig.HousingOfficer);

        var page = Dom.Parse(await served.Client.GetStringAsync("/"));

        Assert.Equal(["Housing"], page.QuerySelectorAll("ul.cards li strong").Select(e => e.Words()));
        Assert.Contains("You send its returns", page.One("ul.cards").Words(), StringComparison.Ordinal);
        Assert.DoesNotContain(page.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == WebPaths.FollowUps);
    }

    [Fact]
    public async Task The_performance_team_sees_every_service_and_the_board()
    {
        var served = await rig.AsAsync(WebRig.PerformanceOfficer);

        var page = Dom.Parse(await served.Client.GetStringAsync("/"));

        Assert.Equal(WebRig.Framework.Services.Count, page.QuerySelectorAll("ul.cards li").Length);
        Assert.Contains(page.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == WebPaths.Board);
    }

    [Fact]
    public async Task Someone_the_catalogue_does_not_name_is_told_what_to_ask_for()
    {
        var served = await rig.AsAsync(WebRig.Stranger);

        var page = Dom.Parse(await served.Client.GetStringAsync("/"));

        Assert.Empty(page.QuerySelectorAll("ul.cards li"));
        Assert.Contains("No service in the catalogue names you (chris.doe@example.org)", page.One("main").Words(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_nobody_configured_every_page_refuses_with_the_setting_to_set()
    {
        var served = await rig.AsAsync(null);

        using var response = await served.Client.GetAsync("/");
        var page = Dom.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Set Pmf:Web:Identity:Email", page.One("main").Words(), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("nav"));
    }

    [Fact]
    public async Task Pmf_serve_ignores_an_App_Service_principal_header_a_browser_sends()
    {
        var served = await rig.AsAsync(null);
        var claims = """{"claims":[{"typ":"preferred_username","val":"alex.morgan@ashbyvale-brookmere.gov.uk"},{"typ":"name","val":"Alex Morgan"}]}""";
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add(AppServiceIdentity.Header, Convert.ToBase64String(Encoding.UTF8.GetBytes(claims)));

        using var response = await served.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("Alex Morgan", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/no-such-page")]
    public async Task Every_page_is_kept_out_of_caches_and_frames(string path)
    {
        var served = await rig.AsAsync(WebRig.HeadOfHousing);

        using var response = await served.Client.GetAsync(path);

        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
        Assert.Equal("DENY", string.Join(",", response.Headers.GetValues("X-Frame-Options")));
        Assert.Contains("frame-ancestors 'none'", string.Join(",", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_that_is_not_a_page_answers_404_with_a_plain_page()
    {
        var served = await rig.AsAsync(WebRig.HeadOfHousing);

        using var response = await served.Client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", Dom.Parse(await response.Content.ReadAsStringAsync()).One("h1").Words());
    }

    [Theory]
    [InlineData("/services/HOU")]
    [InlineData("/services/hou")]
    [InlineData("/services/HOU/template")]
    [InlineData("/services/HOU/template?period=2026/27 Q1")]
    [InlineData("/services/HOU/submissions")]
    [InlineData("/services/HOU/submissions/1")]
    public async Task Every_url_of_another_service_answers_403_to_someone_not_theirs(string path)
    {
        var served = await rig.AsAsync(WebRig.HeadOfPlanning);

        using var response = await served.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Not one of your services", Dom.Parse(await response.Content.ReadAsStringAsync()).One("h1").Words());
    }

    [Fact]
    public async Task An_upload_to_another_service_with_a_good_form_token_answers_403_and_loads_nothing()
    {
        var served = await rig.AsAsync(WebRig.HeadOfPlanning);
        var own = Dom.Parse(await served.Client.GetStringAsync(WebPaths.Service("PLN")));
        var token = own.One("form[enctype] input[type=hidden]");

        using var response = await served.Client.PostAsync(WebPaths.Returns("HOU"), Upload(token.GetAttribute("name")!, token.GetAttribute("value")!));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await served.ScalarAsync<long>("SELECT COUNT(*) FROM submission"));
        Assert.False(Directory.Exists(Path.Combine(served.Folder, "storage", "returns", "HOU")) && Directory.GetFiles(Path.Combine(served.Folder, "storage", "returns", "HOU")).Length > 0);
    }

    [Fact]
    public async Task An_upload_without_its_form_token_is_refused_and_nothing_is_stored()
    {
        var served = await rig.AsAsync(WebRig.HousingOfficer);

        using var response = await served.Client.PostAsync(WebPaths.Returns("HOU"), Upload("__form", "forged"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("This form has expired", Dom.Parse(await response.Content.ReadAsStringAsync()).One("h1").Words());
        Assert.Equal(0, await served.ScalarAsync<long>("SELECT COUNT(*) FROM submission"));
    }

    [Theory]
    [InlineData("/board")]
    [InlineData("/publication/ASH/2026-27 Q1")]
    public async Task The_performance_teams_pages_answer_403_to_a_head_of_service(string path)
    {
        var served = await rig.AsAsync(WebRig.HeadOfHousing);

        using var response = await served.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_template_link_downloads_the_services_pre_filled_workbook()
    {
        var served = await rig.AsAsync(WebRig.HousingOfficer);

        using var response = await served.Client.GetAsync(WebPaths.Template("HOU", "2026/27 Q1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("HOU 2026-27 Q1 return.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var workbook = new ClosedXML.Excel.XLWorkbook(await response.Content.ReadAsStreamAsync());
        Assert.Contains(workbook.Worksheets.SelectMany(w => w.CellsUsed()), c => (c.Value.ToString() ?? "").Contains("Affordable homes delivered", StringComparison.Ordinal));
    }

    private static MultipartFormDataContent Upload(string tokenName, string token)
    {
        var file = Pmf.Pipeline.Tests.Jobs.IngestHarness.CleanHousingReturn();
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), tokenName },
            { new ByteArrayContent(Pmf.Pipeline.Samples.SampleReturnWriter.ToBytes(file)), "file", file.FileName },
        };
        return content;
    }
}
