namespace Pmf.Pipeline.Web;

/// <summary>
/// The pages' addresses, agreed between the service officers', heads of service's and performance team's pages:
/// links are built here and nowhere else, each part escaped.
/// </summary>
public static class WebPaths
{
    /// <summary>Home, by role.</summary>
    public const string Home = "/";

    /// <summary>What a service owes.</summary>
    public const string ServicePattern = "/services/{service}";

    /// <summary>A service's pre-filled template (<c>?period=</c>).</summary>
    public const string TemplatePattern = "/services/{service}/template";

    /// <summary>Upload a return (POST).</summary>
    public const string ReturnsPattern = "/services/{service}/returns";

    /// <summary>A service's past submissions.</summary>
    public const string SubmissionsPattern = "/services/{service}/submissions";

    /// <summary>One submission and its report.</summary>
    public const string SubmissionPattern = "/services/{service}/submissions/{id}";

    /// <summary>The performance team's board (<c>?period=</c>).</summary>
    public const string Board = "/board";

    /// <summary>A council's period's publication steps.</summary>
    public const string PublicationPattern = "/publication/{council}/{period}";

    /// <summary>Heads of service's open follow-ups (the hos pages).</summary>
    public const string FollowUps = "/follow-ups";

    /// <summary>The link to <paramref name="service"/>'s page.</summary>
    public static string Service(string service) => $"/services/{E(service)}";

    /// <summary>The link to <paramref name="service"/>'s template for <paramref name="period"/> (null: the period due next).</summary>
    public static string Template(string service, string? period) =>
        period is null ? $"/services/{E(service)}/template" : $"/services/{E(service)}/template?period={E(period)}";

    /// <summary>Where <paramref name="service"/>'s returns are uploaded.</summary>
    public static string Returns(string service) => $"/services/{E(service)}/returns";

    /// <summary>The link to <paramref name="service"/>'s past submissions.</summary>
    public static string Submissions(string service) => $"/services/{E(service)}/submissions";

    /// <summary>The link to one submission.</summary>
    public static string Submission(string service, long id) => $"/services/{E(service)}/submissions/{id}";

    /// <summary>The link to the board for <paramref name="period"/> (null: the latest).</summary>
    public static string BoardFor(string? period) => period is null ? Board : $"{Board}?period={E(period)}";

    /// <summary>The link to a council's period's publication steps.</summary>
    public static string Publication(string council, string period) => $"/publication/{E(council)}/{E(PathPeriod(period))}";

    /// <summary>Where a council's period's next publication step is posted (<c>review</c>, <c>approve</c> or <c>publish</c>).</summary>
    public static string PublicationStep(string council, string period, string step) => $"{Publication(council, period)}/{E(step)}";

    /// <summary>A period as a path segment: <c>2026/27 Q2</c> as <c>2026-27 Q2</c> (a <c>/</c> would end the segment).</summary>
    public static string PathPeriod(string period) => period.Replace('/', '-');

    private static string E(string part) => Uri.EscapeDataString(part);
}
