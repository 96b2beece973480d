using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Pmf.Pipeline.Tests.Support;

/// <summary>A rendered page read as a browser reads it (AngleSharp's HTML5 parser), so tests ask about elements and text, not substrings.</summary>
public static partial class Dom
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The document <paramref name="html"/> parses to.</summary>
    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>The one element matching <paramref name="selector"/>; fails when there is none.</summary>
    public static IElement One(this IParentNode node, string selector) =>
        node.QuerySelector(selector) ?? throw new Xunit.Sdk.XunitException($"No element matches {selector}.");

    /// <summary>The element's text with runs of white space made one space, trimmed.</summary>
    public static string Words(this INode node) => Spaces().Replace(node.TextContent, " ").Trim();

    /// <summary>Elements that would run script or fetch something: script, iframe, object, embed, img, link, event-handler attributes.</summary>
    public static IReadOnlyList<IElement> Active(this IDocument document) =>
        [.. document.All.Where(e => e.LocalName is "script" or "iframe" or "object" or "embed" or "img" or "link"
            || e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)))];

    /// <summary>A character reference to a control character (what an encoder writes for NUL, BEL, ESC...).</summary>
    [GeneratedRegex("&#(?:x0*(?:[0-8bcef]|1[0-9a-f]|7f|[89][0-9a-f])|0*(?:[0-8]|1[124-9]|2[0-9]|3[01]|127|12[89]|1[34][0-9]|15[0-9]));", RegexOptions.IgnoreCase)]
    public static partial Regex ControlReference();

    [GeneratedRegex("\\s+")]
    private static partial Regex Spaces();
}
