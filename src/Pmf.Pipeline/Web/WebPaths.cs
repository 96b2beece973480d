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

    /// <summary>One follow-up, with its history and its acknowledge and resolve forms.</summary>
    public const string FollowUpPattern = "/follow-ups/{id}";

    /// <summary>Acknowledge a follow-up with a note (POST).</summary>
    public const string AcknowledgePattern = "/follow-ups/{id}/acknowledge";

    /// <summary>Resolve a follow-up with a note (POST).</summary>
    public const string ResolvePattern = "/follow-ups/{id}/resolve";

    /// <summary>One result, with the return's commentary, the notes added since and the form to add one; the period as <see cref="WebLinks.PeriodSegment"/> writes it.</summary>
    public const string ResultPattern = "/results/{council}/{indicator}/{period}";

    /// <summary>Add a commentary and remedial action to a result (POST).</summary>
    public const string RemedialPattern = "/results/{council}/{indicator}/{period}/remedial";

    /// <summary>The link to one follow-up.</summary>
    public static string FollowUp(long id) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/follow-ups/{id}");

    /// <summary>Where a follow-up is acknowledged.</summary>
    public static string Acknowledge(long id) => FollowUp(id) + "/acknowledge";

    /// <summary>Where a follow-up is resolved.</summary>
    public static string Resolve(long id) => FollowUp(id) + "/resolve";

    /// <summary>The link to one result, e.g. <c>/results/ASH/ASH-HOU-01/2026-27-Q2</c>.</summary>
    public static string Result(string council, string indicator, string periodCode) =>
        $"/results/{E(council)}/{E(indicator)}/{WebLinks.PeriodSegment(periodCode)}";

    /// <summary>Where a result's commentary and remedial action are added.</summary>
    public static string Remedial(string council, string indicator, string periodCode) => Result(council, indicator, periodCode) + "/remedial";

    private static string E(string part) => Uri.EscapeDataString(part);
}
