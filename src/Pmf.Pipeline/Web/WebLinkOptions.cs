namespace Pmf.Pipeline.Web;

/// <summary>
/// Where people reach the web pages, for links in mail; bound from <c>Pmf:Web</c> (the web host's section).
/// Unset: mail carries no links and tells people the command instead.
/// </summary>
public sealed class WebLinkOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Pmf:Web";

    /// <summary>The address people reach the pages at, e.g. <c>https://pmf.council.gov.uk/</c> (the Functions app's or <c>pmf serve</c>'s public address).</summary>
    public string? PublicUrl { get; set; }

    /// <summary>The first problem with these settings, or null when they are usable.</summary>
    public string? Validate() =>
        string.IsNullOrWhiteSpace(PublicUrl)
        || (Uri.TryCreate(PublicUrl.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment))
            ? null
            : $"{Section}:PublicUrl is '{PublicUrl}', which is not a web address; set it to the address people open the pages at, e.g. https://pmf.council.gov.uk/, or leave it out.";
}
