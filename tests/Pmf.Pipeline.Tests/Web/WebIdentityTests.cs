using System.Text;
using Pmf.Pipeline.Web;

namespace Pmf.Pipeline.Tests.Web;

/// <summary>Who App Service says is signed in, from the claims it hands the Functions app.</summary>
public sealed class WebIdentityTests
{
    [Fact]
    public void The_principal_header_gives_the_Entra_name_and_preferred_username()
    {
        var person = AppServiceIdentity.Read(Encode("""
            {"auth_typ":"aad","claims":[{"typ":"name","val":"Priya Shah"},{"typ":"preferred_username","val":"priya.shah@ashbyvale-brookmere.gov.uk"}],"name_typ":"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name"}
            """));

        Assert.Equal(new WebPerson("Priya Shah", "priya.shah@ashbyvale-brookmere.gov.uk"), person);
    }

    [Fact]
    public void Without_a_name_claim_the_person_is_named_by_their_address_from_the_mapped_upn()
    {
        var person = AppServiceIdentity.Read(Encode("""
            {"claims":[{"typ":"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn","val":"sam.reed@ashbyvale-brookmere.gov.uk"}]}
            """));

        Assert.Equal(new WebPerson("sam.reed@ashbyvale-brookmere.gov.uk", "sam.reed@ashbyvale-brookmere.gov.uk"), person);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("bm90IGpzb24=")]
    public void An_absent_or_unreadable_header_is_nobody(string? header) => Assert.Null(AppServiceIdentity.Read(header));

    [Fact]
    public void Claims_without_an_email_address_are_nobody() =>
        Assert.Null(AppServiceIdentity.Read(Encode("""{"claims":[{"typ":"name","val":"A service principal"},{"typ":"preferred_username","val":"not-an-address"}]}""")));

    [Theory]
    [InlineData("http://127.0.0.1:5080", null)]
    [InlineData("http://localhost:0", null)]
    [InlineData("http://[::1]:5080", null)]
    [InlineData("http://0.0.0.0:5080", "which other machines can reach")]
    [InlineData("http://192.168.1.20:5080", "which other machines can reach")]
    [InlineData("https://127.0.0.1:5080", "set it to an address on this machine")]
    [InlineData("5080", "set it to an address on this machine")]
    public void Pmf_serve_listens_only_where_this_machine_alone_can_reach(string listen, string? problem)
    {
        var found = new WebOptions { Listen = listen }.Validate();

        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(problem, found, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_performance_team_entry_that_is_not_an_address_is_named() =>
        Assert.Equal(
            "Pmf:Web:PerformanceTeam holds 'Alex Morgan', which is not an e-mail address; list addresses such as performance@anytown.gov.uk.",
            new WebOptions { PerformanceTeam = "alex.morgan@anytown.gov.uk; Alex Morgan" }.Validate());

    private static string Encode(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json.Trim()));
}
