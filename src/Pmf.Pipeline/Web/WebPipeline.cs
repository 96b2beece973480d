using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pmf.Pipeline.Pages;
using Pmf.Pipeline.Pages.Web;

namespace Pmf.Pipeline.Web;

/// <summary>
/// What every page request goes through, in both hosts, before and around its handler: headers that keep one
/// person's page out of every cache and frame; the person from the host (<see cref="IWebIdentity"/>) and their
/// scope (<see cref="WebUsers"/>); the route's audience and its <c>{service}</c> checked against that scope;
/// a form's anti-forgery token checked; a refusal (<see cref="WebProblem"/>) or a failure answered with a plain page.
/// </summary>
public sealed partial class WebPipeline(IWebIdentity identity, WebUsers users, ILogger<WebPipeline> logger)
{
    /// <summary>Answers <paramref name="context"/> with <paramref name="route"/> (its route values already set).</summary>
    public async Task RunAsync(HttpContext context, WebRoute route)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(route);
        Protect(context.Response);
        WebUser? user = null;
        IResult result;
        try
        {
            if (identity.Who(context) is not { } person)
            {
                throw new WebProblem(StatusCodes.Status403Forbidden, "Nobody is signed in", identity.NobodyMessage);
            }

            user = await users.ScopeAsync(person, context.RequestAborted);
            Admit(context, route, user);
            if (HttpMethods.IsPost(route.Method))
            {
                await CheckFormAsync(context);
            }

            result = await route.Handler(new WebRequest(context, user));
        }
        catch (WebProblem problem)
        {
            result = Problem(context, user, problem.Status, problem.Title, problem.Message);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            LogFailed(logger, e, context.Request.Method, context.Request.Path.Value ?? "");
            result = Problem(context, user, StatusCodes.Status500InternalServerError, "Something went wrong",
                "Something went wrong on our side and nothing was changed. Try again in a minute; if it keeps happening, tell your performance team the time it happened.");
        }

        await result.ExecuteAsync(context);
    }

    /// <summary>A plain page for a refusal or a failure, with the navigation when the person is known.</summary>
    public static IResult Problem(HttpContext context, WebUser? user, int status, string title, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        var frame = new WebFrame(user, context.Request.Path.Value ?? "/", null);
        var html = PageRenderer.Render<MessagePage>(new Dictionary<string, object?> { ["Frame"] = frame, ["Heading"] = title, ["Message"] = message });
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    /// <summary>Headers every page carries: never cached (a shared computer shows no one else's data), never framed, no scripts.</summary>
    public static void Protect(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers;
        headers.CacheControl = "no-store";
        headers.Pragma = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    }

    private static void Admit(HttpContext context, WebRoute route, WebUser user)
    {
        if (route.Audience == WebAudience.PerformanceTeam && !user.IsPerformanceTeam)
        {
            throw WebProblem.TeamOnly();
        }

        if (context.Request.RouteValues.TryGetValue(WebRoute.ServiceParameter, out var service) && service?.ToString() is { } code && !user.CanSee(code))
        {
            throw WebProblem.NotYours($"The service {code}");
        }
    }

    private static async Task CheckFormAsync(HttpContext context)
    {
        try
        {
            await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException e)
        {
            throw new WebProblem(StatusCodes.Status400BadRequest, "This form has expired",
                "This form could not be accepted because it came from an old or different page (or the server has restarted since it opened); nothing was changed. Go back, reload the page and send it again.", e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The page {Method} {Path} failed")]
    private static partial void LogFailed(ILogger logger, Exception error, string method, string path);
}
