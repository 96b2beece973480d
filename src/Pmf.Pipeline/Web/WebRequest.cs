using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pmf.Pipeline.Pages;

namespace Pmf.Pipeline.Web;

/// <summary>
/// One request to a page, after the pipeline has found the person and checked their scope: what a handler
/// reads (route values, the query, the form) and how it answers (<see cref="Page{TPage}"/>, <see cref="Redirect"/>).
/// </summary>
public sealed class WebRequest(HttpContext http, WebUser user)
{
    private WebFrame? _frame;

    /// <summary>The request as ASP.NET Core has it.</summary>
    public HttpContext Http { get; } = http;

    /// <summary>The person and their scope.</summary>
    public WebUser User { get; } = user;

    /// <summary>Cancelled when the browser goes away.</summary>
    public CancellationToken Aborted => Http.RequestAborted;

    /// <summary>The host's services.</summary>
    public IServiceProvider Services => Http.RequestServices;

    /// <summary>The layout's frame, with a fresh anti-forgery token for the page's forms.</summary>
    public WebFrame Frame => _frame ??= new WebFrame(User, Http.Request.Path.Value ?? "/", Token(Http));

    /// <summary>A route value, e.g. <c>service</c> in <c>/services/{service}</c>.</summary>
    public string Route(string name) => Http.Request.RouteValues[name]?.ToString() ?? "";

    /// <summary>A query-string value, or null.</summary>
    public string? Query(string name) => Http.Request.Query[name] is { Count: > 0 } v && !string.IsNullOrWhiteSpace(v[0]) ? v[0]!.Trim() : null;

    /// <summary>The one scope check: refuses (403) unless the person may see <paramref name="serviceCode"/>.</summary>
    /// <exception cref="WebProblem">They may not.</exception>
    public void RequireService(string serviceCode)
    {
        if (!User.CanSee(serviceCode))
        {
            throw WebProblem.NotYours($"The service {serviceCode}");
        }
    }

    /// <summary>Refuses (403) unless the person is in the performance team.</summary>
    /// <exception cref="WebProblem">They are not.</exception>
    public void RequirePerformanceTeam()
    {
        if (!User.IsPerformanceTeam)
        {
            throw WebProblem.TeamOnly();
        }
    }

    /// <summary>The posted form (already checked for its anti-forgery token).</summary>
    public Task<IFormCollection> FormAsync() => Http.Request.ReadFormAsync(Aborted);

    /// <summary>Records a change made through a page: who, when, what.</summary>
    public Task AuditAsync(string action, string? serviceCode, string? subject, string? detail) =>
        Services.GetRequiredService<WebAudit>().RecordAsync(User, action, serviceCode, subject, detail, Aborted);

    /// <summary>A page: <typeparamref name="TPage"/> rendered with <paramref name="parameters"/> and a <c>Frame</c> parameter.</summary>
    public IResult Page<TPage>(Dictionary<string, object?> parameters, int status = StatusCodes.Status200OK)
        where TPage : IComponent
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters["Frame"] = Frame;
        return Results.Content(PageRenderer.Render<TPage>(parameters), "text/html; charset=utf-8", statusCode: status);
    }

    /// <summary>Back to a page of ours after a form (303, so a reload does not post again).</summary>
    public static IResult Redirect(string localPath) =>
        localPath.StartsWith('/') && !localPath.StartsWith("//", StringComparison.Ordinal)
            ? new SeeOther(localPath)
            : throw new ArgumentException($"'{localPath}' is not a path on this site.", nameof(localPath));

    private static WebForm Token(HttpContext http)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return new WebForm(tokens.FormFieldName, tokens.RequestToken ?? "");
    }

    private sealed class SeeOther(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
