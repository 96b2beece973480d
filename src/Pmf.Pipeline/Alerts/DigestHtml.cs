using System.Net;
using System.Text;

namespace Pmf.Pipeline.Alerts;

/// <summary>The HTML body of a digest; every piece of text is HTML-encoded, nothing a person typed becomes markup.</summary>
internal static class DigestHtml
{
    public static string Render(Digest d)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(E(DigestWords.Heading(d))).Append("</title></head>")
            .Append("<body style=\"font-family:sans-serif\"><h1 style=\"font-size:1.2em\">").Append(E(DigestWords.Heading(d))).Append("</h1>");
        Section(html, "Overdue returns", d.Overdue, i => E(DigestWords.Overdue(i)));
        Section(html, "Returns due soon", d.DueSoon, i => E(DigestWords.DueSoon(i)));
        Section(html, "Data-quality failures", d.DataQuality, i => E(DigestWords.DataQuality(i)));
        Section(html, "Failing indicators", d.Failing, Failing);
        Section(html, DigestText.WorseningTitle, d.Worsening, Failing);
        Section(html, "Resolved since the last digest", d.Resolved, i => E(DigestWords.Resolved(i)));
        html.Append("</body></html>");
        return html.ToString();
    }

    private static void Section(StringBuilder html, string title, IEnumerable<DigestItem> items, Func<DigestItem, string> detail)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            return;
        }

        html.Append("<h2 style=\"font-size:1.05em\">").Append(E(title)).Append("</h2><ul>");
        foreach (var item in list)
        {
            html.Append("<li><b>").Append(E(DigestWords.Indicator(item))).Append("</b> [").Append(item.FollowUpId).Append("]: ")
                .Append(detail(item)).Append("</li>");
        }

        html.Append("</ul>");
    }

    private static string Failing(DigestItem i)
    {
        var text = new StringBuilder(E(DigestWords.Failing(i)));
        if (!string.IsNullOrWhiteSpace(i.Commentary))
        {
            text.Append("<br><i>Commentary:</i> ").Append(E(i.Commentary));
        }

        if (!string.IsNullOrWhiteSpace(i.RemedialAction))
        {
            text.Append("<br><i>Remedial action:</i> ").Append(E(i.RemedialAction));
        }

        return text.ToString();
    }

    // Control characters (NUL, BEL, ESC...) a person typed into a commentary never reach the page.
    private static string E(string text) => WebUtility.HtmlEncode(SafeText.WithoutControls(text));
}
