using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace Pmf.Pipeline.Web;

/// <summary>
/// The Functions app's pages: one catch-all HTTP trigger hands every request here, which finds its route in
/// <see cref="WebRoutes.All"/> by the same patterns <c>pmf serve</c> maps, sets its route values and runs it
/// through the same <see cref="WebPipeline"/>.
/// </summary>
public sealed class WebDispatcher(WebPipeline pipeline)
{
    private readonly (WebRoute Route, TemplateMatcher Matcher)[] _routes =
        [.. WebRoutes.All.Select(r => (r, new TemplateMatcher(TemplateParser.Parse(r.Pattern.TrimStart('/')), [])))];

    /// <summary>Answers <paramref name="context"/>: its page, or a plain 404 or 405.</summary>
    public Task DispatchAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Request.Path.HasValue ? context.Request.Path : new PathString("/");
        var pathMatched = false;
        foreach (var (route, matcher) in _routes)
        {
            var values = new RouteValueDictionary();
            if (!matcher.TryMatch(path, values))
            {
                continue;
            }

            pathMatched = true;
            if (string.Equals(route.Method, context.Request.Method, StringComparison.OrdinalIgnoreCase))
            {
                context.Request.RouteValues = values;
                return pipeline.RunAsync(context, route);
            }
        }

        if (!pathMatched)
        {
            return WebEndpoints.NotFoundAsync(context);
        }

        WebPipeline.Protect(context.Response);
        return WebPipeline.Problem(context, null, StatusCodes.Status405MethodNotAllowed, "Not possible here",
            "This address cannot be used that way. Go back to the page you came from and use its buttons.").ExecuteAsync(context);
    }
}
