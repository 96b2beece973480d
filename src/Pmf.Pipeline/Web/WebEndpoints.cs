using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Pmf.Pipeline.Web;

/// <summary><c>pmf serve</c>'s pages: every route of <see cref="WebRoutes.All"/> as an endpoint, and a plain 404 for anything else.</summary>
public static class WebEndpoints
{
    /// <summary>Maps the pages onto <paramref name="endpoints"/>.</summary>
    public static IEndpointRouteBuilder MapPmfPages(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var pipeline = endpoints.ServiceProvider.GetRequiredService<WebPipeline>();
        foreach (var route in WebRoutes.All)
        {
            endpoints.MapMethods(route.Pattern, [route.Method], context => pipeline.RunAsync(context, route));
        }

        endpoints.MapFallback(NotFoundAsync);
        return endpoints;
    }

    /// <summary>The plain page for an address that is not one of ours.</summary>
    public static Task NotFoundAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        WebPipeline.Protect(context.Response);
        return WebPipeline.Problem(context, null, StatusCodes.Status404NotFound, "Page not found",
            "There is no page at this address. Check it, or start again from the home page.").ExecuteAsync(context);
    }
}
