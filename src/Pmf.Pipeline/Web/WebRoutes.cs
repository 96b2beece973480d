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
        WebRoute.Get(WebPaths.ServicePattern, ServiceHandlers.ServiceAsync),
        WebRoute.Get(WebPaths.TemplatePattern, ServiceHandlers.TemplateAsync),
        WebRoute.Post(WebPaths.ReturnsPattern, ServiceHandlers.UploadAsync),
        WebRoute.Get(WebPaths.SubmissionsPattern, ServiceHandlers.SubmissionsAsync),
        WebRoute.Get(WebPaths.SubmissionPattern, ServiceHandlers.SubmissionAsync),
        WebRoute.Get(WebPaths.Board, BoardHandlers.BoardAsync, WebAudience.PerformanceTeam),
        WebRoute.Get(WebPaths.PublicationPattern, BoardHandlers.PublicationAsync, WebAudience.PerformanceTeam),
        WebRoute.Post(WebPaths.PublicationPattern + "/review", BoardHandlers.ReviewAsync, WebAudience.PerformanceTeam),
        WebRoute.Post(WebPaths.PublicationPattern + "/approve", BoardHandlers.ApproveAsync, WebAudience.PerformanceTeam),
        WebRoute.Post(WebPaths.PublicationPattern + "/publish", BoardHandlers.PublishAsync, WebAudience.PerformanceTeam),
    ];
}
