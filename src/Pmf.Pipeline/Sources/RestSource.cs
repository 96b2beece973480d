namespace Pmf.Pipeline.Sources;

/// <summary>How to call a service system's REST API.</summary>
public sealed class RestSource
{
    /// <summary>
    /// The URL, with <c>{periodStart}</c> and <c>{periodEnd}</c> (yyyy-MM-dd) and <c>{period}</c> (the
    /// period key, e.g. <c>2026/27 M07</c>) filled in, escaped. With <c>{period}</c> the source is asked
    /// once per open period; without, once for the whole open range.
    /// </summary>
    public string Url { get; set; } = "";

    /// <summary>How the API pages its answer.</summary>
    public RestPaging Paging { get; set; } = new();

    /// <summary>How the pipeline proves who it is.</summary>
    public SourceAuth Auth { get; set; } = new();
}
