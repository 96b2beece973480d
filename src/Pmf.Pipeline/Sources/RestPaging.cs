namespace Pmf.Pipeline.Sources;

/// <summary>How a REST source pages: not at all, by a next link in the body, or by page number.</summary>
public sealed class RestPaging
{
    /// <summary><c>none</c>, <c>nextLink</c> or <c>pageNumber</c>.</summary>
    public string Kind { get; set; } = SourceKinds.None;

    /// <summary>For <c>nextLink</c>: the path in the body to the next page's URL (absolute or relative); absent or null on the last page.</summary>
    public string NextLinkPath { get; set; } = "next";

    /// <summary>For <c>pageNumber</c>: the query parameter that carries the page number.</summary>
    public string PageParameter { get; set; } = "page";

    /// <summary>For <c>pageNumber</c>: the first page's number.</summary>
    public int FirstPage { get; set; } = 1;

    /// <summary>Stop with an error after this many pages: a paging loop is a fault, not data.</summary>
    public int MaxPages { get; set; } = 1000;
}
