using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Pmf.Pipeline.Hosting;
using Pmf.Pipeline.Web;

namespace Pmf.Functions;

/// <summary>
/// Every page, behind App Service authentication: one catch-all HTTP trigger handing the request to the route
/// table <c>pmf serve</c> serves (WebDispatcher), which writes the response itself. host.json's empty
/// route prefix puts the pages at the site's root.
/// </summary>
public sealed class Pages(WebDispatcher dispatcher)
{
    [Function(FunctionBindings.Pages)]
    public async Task RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, FunctionBindings.HttpGet, FunctionBindings.HttpPost, Route = FunctionBindings.PagesRoute)] HttpRequest request)
    {
        await dispatcher.DispatchAsync(request.HttpContext);
    }
}
