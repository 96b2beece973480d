namespace Pmf.Pipeline.Web;

/// <summary>
/// A handler's refusal, answered with a plain page of <see cref="Status"/> saying <see cref="Exception.Message"/>:
/// 403 for something outside the person's scope, 404 for something that is not there, 400 for a form to correct.
/// </summary>
public sealed class WebProblem : Exception
{
    /// <summary>A refusal.</summary>
    public WebProblem(int status, string title, string message)
        : base(message)
    {
        Status = status;
        Title = title;
    }

    /// <summary>Required by the analyzers; use the other constructor.</summary>
    public WebProblem()
        : this(500, "Something went wrong", "Something went wrong.")
    {
    }

    /// <summary>Required by the analyzers; use the other constructor.</summary>
    public WebProblem(string message)
        : this(400, "Please check", message)
    {
    }

    /// <summary>A refusal caused by <paramref name="innerException"/>.</summary>
    public WebProblem(int status, string title, string message, Exception innerException)
        : base(message, innerException)
    {
        Status = status;
        Title = title;
    }

    /// <summary>Required by the analyzers; use the other constructors.</summary>
    public WebProblem(string message, Exception innerException)
        : this(500, "Something went wrong", message, innerException)
    {
    }

    /// <summary>The HTTP status.</summary>
    public int Status { get; }

    /// <summary>The page's heading.</summary>
    public string Title { get; }

    /// <summary>Not this person's service (403).</summary>
    public static WebProblem NotYours(string what) =>
        new(403, "Not one of your services", $"{what} is not one of your services, so you cannot see or change it here. If it should be, ask your performance team to add you to the service in the catalogue.");

    /// <summary>The performance team's pages only (403).</summary>
    public static WebProblem TeamOnly() =>
        new(403, "For the performance team", "This page is for the performance team. If you are in it, ask them to add your e-mail address to Pmf:Web:PerformanceTeam.");

    /// <summary>Nothing there (404).</summary>
    public static WebProblem NotFound(string what) =>
        new(404, "Not found", $"{what} was not found. It may have been removed, or the link may be mistyped.");

    /// <summary>A form to correct (400).</summary>
    public static WebProblem BadForm(string message) => new(400, "Please check the form", message);
}
