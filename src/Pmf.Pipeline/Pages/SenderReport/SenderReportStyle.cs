namespace Pmf.Pipeline.Pages.SenderReport;

/// <summary>
/// The sender's report's one style sheet: at phone width the issue table's rows stack, each cell on its own
/// line under its heading, so nothing scrolls sideways. The page is styled inline for e-mail clients that
/// drop style sheets; these rules only change the layout on a narrow screen (hence <c>!important</c>,
/// the only way past an inline style).
/// </summary>
internal static class SenderReportStyle
{
    public const string Css = """
        @media (max-width: 600px) {
          table.issues, table.issues tbody, table.issues tr, table.issues td { display: block !important; width: auto !important; }
          table.issues thead { display: none !important; }
          table.issues tr { border: 1px solid #c8c8c8 !important; margin: 0 0 12px 0 !important; }
          table.issues td { border: 0 !important; border-bottom: 1px solid #eeeeee !important; overflow-wrap: anywhere; }
          table.issues td::before { content: attr(data-label); display: block; font-weight: bold; color: #505050; }
        }
        """;
}
