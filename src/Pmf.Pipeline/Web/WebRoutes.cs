namespace Pmf.Pipeline.Web;

/// <summary>
/// Every page's route, served alike by <c>pmf serve</c> (<see cref="WebEndpoints"/>) and the Functions app
/// (<see cref="WebDispatcher"/>). A feature adds its routes here, one line.
/// </summary>
public static class WebRoutes
{
    /// <summary>The table.</summary>
    public static IReadOnlyList<WebRoute> All { get; } =
    [
        WebRoute.Get(WebPaths.Home, HomeHandler.GetAsync),
        WebRoute.Get(WebPaths.FollowUps, FollowUpHandlers.ListAsync),
        WebRoute.Get(WebPaths.FollowUpPattern, FollowUpHandlers.ShowAsync),
        WebRoute.Post(WebPaths.AcknowledgePattern, FollowUpHandlers.AcknowledgeAsync),
        WebRoute.Post(WebPaths.ResolvePattern, FollowUpHandlers.ResolveAsync),
        WebRoute.Get(WebPaths.ResultPattern, ResultHandlers.ShowAsync),
        WebRoute.Post(WebPaths.RemedialPattern, ResultHandlers.AddAsync),
    ];
}
