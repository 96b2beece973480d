using System.Globalization;
using System.Text;

namespace Pmf.Pipeline.Pages.Committee;

/// <summary>
/// The committee report's style sheet, written into the page: GOV.UK-like colours and 16px text; RAG badges
/// that say their word as well as show their colour; at phone width every table row becomes a card whose
/// cells carry their own labels, so nothing overlaps or runs together; printed on A4 with the report's
/// title at the top of every page and "Page N of M" at the foot (CSS page-margin boxes, which Chromium
/// prints), no indicator split across pages, backgrounds printed.
/// </summary>
internal static class CommitteeStyle
{
    private const string Screen = """
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 200mm; padding: 16px; font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.4; color: #0b0c0c; background: #fff;
               -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        h1 { font-size: 28px; margin: 0 0 4px; } h2 { font-size: 22px; margin: 24px 0 8px; border-bottom: 2px solid #0b0c0c; padding-bottom: 3px; break-after: avoid; }
        h3 { font-size: 18px; margin: 16px 0 6px; break-after: avoid; } h4 { font-size: 16px; margin: 12px 0 4px; color: #505a5f; break-after: avoid; }
        p { margin: 4px 0 8px; } .lede { font-size: 19px; } .muted { color: #505a5f; }
        table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
        th, td { border: 1px solid #b1b4b6; padding: 4px 6px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
        th { background: #f3f2f1; } td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
        tfoot td { font-weight: bold; background: #f3f2f1; }
        .rag-key { padding: 6px 10px; margin: 10px 0; break-inside: avoid; } .rag-key ul { gap: 4px 18px; }
        tbody.indicator { break-inside: avoid; } tr.note td { border-top: none; background: #fafafa; }
        .text { white-space: pre-wrap; overflow-wrap: anywhere; }
        .card { border-left: 5px solid #d4351c; padding: 4px 10px; margin: 8px 0; break-inside: avoid; background: #fdf3f1; }
        .card.good { border-color: #00703c; background: #f0f7f2; } .card.story { border-color: #1d70b8; background: #eef5fb; }
        ul.actions { margin: 4px 0 12px; padding-left: 1.2em; } ul.actions li { margin: 2px 0 6px; }
        .recommendation { border-left: 5px solid #0b0c0c; background: #f3f2f1; padding: 8px 12px; margin: 10px 0; font-size: 19px; }
        ul.movers { margin: 4px 0 10px; padding-left: 1.2em; } ul.movers li { margin: 2px 0 6px; }
        .notice { border-left: 5px solid #1d70b8; background: #eef5fb; padding: 8px 12px; margin: 10px 0; }
        table.indicators { table-layout: fixed; }
        table.actions { table-layout: fixed; margin-top: 6px; } table.actions caption { text-align: left; font-weight: bold; padding: 4px 0; }
        table.actions col.name { width: 55%; } table.actions col.rag { width: 17%; } table.actions col.num { width: 11%; } table.actions col.due { width: 17%; }
        table.indicators col.name { width: 29%; } table.indicators col.num { width: 11%; } table.indicators col.rag { width: 14%; }
        table.indicators col.dir { width: 15%; } table.indicators col.trend { width: 20%; }
        svg.spark { display: block; width: 100%; max-width: 180px; height: auto; }
        footer { margin-top: 24px; font-size: 16px; color: #505a5f; }
        @media (max-width: 640px) {
          body { padding: 10px; }
          h1 { font-size: 24px; }
          table.stack, table.stack tbody, table.stack tr, table.stack td { display: block; width: 100%; }
          table.stack colgroup, table.stack thead { display: none; }
          table.stack tr { border: 1px solid #b1b4b6; border-bottom: none; }
          table.stack tbody { margin-bottom: 12px; border-bottom: 1px solid #b1b4b6; }
          table.stack td { border: none; border-bottom: 1px solid #e5e5e5; text-align: left; }
          table.stack td.n { text-align: left; }
          table.stack td[data-label]::before { content: attr(data-label); display: inline-block; min-width: 8.5em; font-weight: bold; color: #505a5f; }
          table.summary th, table.summary td { padding: 3px 2px; font-size: 14px; }
          table.summary th.n { writing-mode: vertical-rl; transform: rotate(180deg); text-align: left; vertical-align: bottom; }
        }
        """;

    // A draft's mark is fixed, so a browser prints it on every page.
    private const string Draft = """
        .draft-mark { position: fixed; top: 0.4rem; right: 0.6rem; font-weight: 700; letter-spacing: 0.2em; color: #b10e1e; border: 2px solid #b10e1e; padding: 0.1rem 0.5rem; background: #fff; }
        .draft-note { font-weight: 600; color: #b10e1e; }
        """;

    private const string Print = """
        @page { size: A4; margin: 18mm 12mm 16mm; }
        @page {
          @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9pt Arial, Helvetica, sans-serif; color: #505a5f; }
        }
        @media print {
          body { padding: 0; max-width: none; font-size: 12pt; }
          a { color: inherit; text-decoration: none; }
          h2 { break-after: avoid; }
        }
        """;

    /// <summary>The style sheet for a report titled <paramref name="runningHeader"/>, repeated at the top of every printed page.</summary>
    public static string For(string runningHeader) =>
        RagStyle.Css + RagStyle.Headings + Screen + Draft + Print + "@page { @top-left { content: " + CssString(runningHeader) + "; font: 9pt Arial, Helvetica, sans-serif; color: #505a5f; } }\n";

    /// <summary>
    /// <paramref name="text"/> as a quoted CSS string: every character but an ASCII letter, digit or space
    /// is written as a hexadecimal escape, so nothing in it can end the string, the rule or the style element.
    /// </summary>
    internal static string CssString(string text)
    {
        var css = new StringBuilder(text.Length + 2).Append('"');
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || rune.Value == ' '))
            {
                css.Append((char)rune.Value);
            }
            else if (!Rune.IsControl(rune))
            {
                css.Append('\\').Append(rune.Value.ToString("X", CultureInfo.InvariantCulture)).Append(' ');
            }
        }

        return css.Append('"').ToString();
    }
}
