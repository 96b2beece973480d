using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pmf.Pipeline.Tests.Hosting;
using Pmf.Pipeline.Tests.Servers;
using Pmf.Pipeline.Tests.Support;
using Pmf.Pipeline.Web;

namespace Pmf.Pipeline.Tests.Web;

/// <summary>
/// The Functions app serves the same pages as <c>pmf serve</c>: its host as Program.cs builds it, its one HTTP
/// function invoked in-process with a request as App Service hands it on (the signed-in person in
/// <c>X-MS-CLIENT-PRINCIPAL</c>), over a warehouse holding the sample catalogue.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FunctionsPagesTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_head_of_service_signed_in_by_App_Service_gets_their_service_page()
    {
        var (status, page) = await GetAsync(WebRig.HeadOfHousing, WebPaths.Service("HOU"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Housing", Dom.Parse(page).One("h1").Words());
        Assert.Contains("Signed in as Priya Shah", Dom.Parse(page).One("header").Words(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_services_page_answers_403_and_nobody_signed_in_is_told_to_sign_in()
    {
        var (forbidden, _) = await GetAsync(WebRig.HeadOfPlanning, WebPaths.Service("HOU"));
        var (nobody, page) = await GetAsync(null, "/");

        Assert.Equal(HttpStatusCode.Forbidden, forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, nobody);
        Assert.Contains("Sign in with your council account", Dom.Parse(page).One("main").Words(), StringComparison.Ordinal);
    }

    private async Task<(HttpStatusCode Status, string Page)> GetAsync(WebPersonSpec? person, string path)
    {
        using var warehouse = await TestWarehouse.CreateAsync();
        await using (var connection = await warehouse.OpenAsync())
        {
            await Pmf.Pipeline.Warehouse.CatalogueLoader.LoadAsync(connection, WebRig.Framework, "catalogue.xlsx", Pmf.Pipeline.Catalogue.FrameworkFingerprint.Of(WebRig.Framework), Jobs.IngestHarness.Now, new DateOnly(2025, 4, 1), CancellationToken.None);
        }

        using var folder = new TempFolder();
        using var host = FunctionsRig.Build(FunctionsRig.AppSettings(azurite.ConnectionString, warehouse.Options.ConnectionString, FunctionsRig.Outbox(folder)));
        await using var scope = host.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = "GET";
        context.Request.Path = path;
        if (person is not null)
        {
            var claims = $$"""{"auth_typ":"aad","claims":[{"typ":"name","val":"{{person.Name}}"},{"typ":"preferred_username","val":"{{person.Email}}"}]}""";
            context.Request.Headers[AppServiceIdentity.Header] = Convert.ToBase64String(Encoding.UTF8.GetBytes(claims));
        }

        var body = new MemoryStream();
        context.Response.Body = body;

        await FunctionsRig.Function<Pmf.Functions.Pages>(host).RunAsync(context.Request);

        return ((HttpStatusCode)context.Response.StatusCode, Encoding.UTF8.GetString(body.ToArray()));
    }
}
