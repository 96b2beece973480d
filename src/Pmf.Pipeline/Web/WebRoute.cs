namespace Pmf.Pipeline.Web;

/// <summary>A page's answer to one request, given the person and their scope.</summary>
public delegate Task<Microsoft.AspNetCore.Http.IResult> WebHandler(WebRequest request);

/// <summary>Who may reach a route at all, before its handler looks at what it is asked about.</summary>
public enum WebAudience
{
    /// <summary>Anyone signed in; a <c>{service}</c> in the route is checked against their scope.</summary>
    Anyone,

    /// <summary>The performance team only.</summary>
    PerformanceTeam,
}

/// <summary>
/// One route of the pages: a method, an ASP.NET Core route pattern (<c>/services/{service}</c>) and its handler.
/// Both hosts serve the same table (<see cref="WebRoutes.All"/>): <c>pmf serve</c> maps each to an endpoint,
/// the Functions app matches it in one catch-all HTTP trigger.
/// </summary>
/// <param name="Method">GET or POST.</param>
/// <param name="Pattern">The route pattern; a <c>{service}</c> parameter is scope-checked before the handler runs.</param>
/// <param name="Handler">The handler.</param>
/// <param name="Audience">Who may reach it.</param>
public sealed record WebRoute(string Method, string Pattern, WebHandler Handler, WebAudience Audience = WebAudience.Anyone)
{
    /// <summary>The route value scope-checked before any handler runs.</summary>
    public const string ServiceParameter = "service";

    /// <summary>A GET route.</summary>
    public static WebRoute Get(string pattern, WebHandler handler, WebAudience audience = WebAudience.Anyone) => new("GET", pattern, handler, audience);

    /// <summary>A POST route: its form's anti-forgery token is checked before the handler runs.</summary>
    public static WebRoute Post(string pattern, WebHandler handler, WebAudience audience = WebAudience.Anyone) => new("POST", pattern, handler, audience);
}
