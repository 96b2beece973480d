using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pmf.Cli.Serve;
using Pmf.Pipeline.Tests.Support;
using Pmf.Pipeline.Web;

namespace Pmf.Pipeline.Tests.Web;

/// <summary><c>Pmf:Web</c> is bound by one options class in every host: its links for mail and its pages' settings.</summary>
public sealed class WebOptionsTests
{
    [Fact]
    public void Pmf_serve_binds_Pmf_Web_once_with_the_public_address_and_the_pages_settings()
    {
        using var folder = new TempFolder();
        var settings = WebRig.Settings(folder.Path, WebRig.PerformanceOfficer);
        settings["Pmf:Web:PublicUrl"] = "https://pmf.ashby.gov.uk/";
        using var host = ServeHost.Build(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), TimeProvider.System, logging: l => l.ClearProviders());

        var options = host.Services.GetRequiredService<WebOptions>();

        Assert.Equal("https://pmf.ashby.gov.uk/", options.PublicUrl);
        Assert.Equal([WebRig.PerformanceOfficer.Email], options.PerformanceTeamEmails);
        Assert.Equal(WebRig.PerformanceOfficer.Email, options.Identity.Email);
        Assert.True(host.Services.GetRequiredService<WebLinks>().Enabled);
        Assert.Single(host.Services.GetServices<IConfigureOptions<WebOptions>>());
    }

    [Fact]
    public async Task A_bad_public_address_stops_pmf_serve_with_one_sentence_once()
    {
        using var folder = new TempFolder();
        var settings = WebRig.Settings(folder.Path, WebRig.PerformanceOfficer);
        settings["Pmf:Web:PublicUrl"] = "pmf.ashby.gov.uk";

        // pmf serve reads Pmf:Web as it maps its pages, so the check speaks before the host starts.
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            using var host = ServeHost.Build(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), TimeProvider.System, logging: l => l.ClearProviders());
            await host.StartAsync();
        });

        Assert.Equal(
            ["Pmf:Web:PublicUrl is 'pmf.ashby.gov.uk', which is not a web address; set it to the address people open the pages at, e.g. https://pmf.council.gov.uk/, or leave it out."],
            refused.Failures);
    }
}
