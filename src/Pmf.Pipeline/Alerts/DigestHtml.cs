using Pmf.Pipeline.Pages;
using Pmf.Pipeline.Pages.Digests;

namespace Pmf.Pipeline.Alerts;

/// <summary>The HTML body of a digest (Pages/Digests); every piece of text is encoded by the renderer, nothing a person typed becomes markup.</summary>
internal static class DigestHtml
{
    public static string Render(Digest d) =>
        PageRenderer.Render<DigestPage>(new Dictionary<string, object?> { [nameof(DigestPage.Digest)] = d });
}
