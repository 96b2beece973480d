namespace Pmf.Pipeline.Pages.Web;

/// <summary>
/// The pages' style sheet, written into each page (nothing fetched): GOV.UK-like colours, 19px text, a visible
/// focus ring for keyboard users, RAG badges that say their word, and at phone width (390px) one column with
/// every table row a card whose cells carry their own labels. A cell's long text (a file name, an address) may
/// break anywhere, but a column heading only between words, so a column is never narrower than its heading's
/// longest word ("Council" broke as "Counci / l" on the board at desktop width).
/// </summary>
internal static class WebStyle
{
    /// <summary>The whole sheet: the pages' own rules and the one RAG badge style (<see cref="RagStyle"/>).</summary>
    public static string Css { get; } = Screen + RagStyle.Css + Sizes;

    private const string Screen = """
        * { box-sizing: border-box; }
        body { margin: 0; font-family: Arial, Helvetica, sans-serif; font-size: 19px; line-height: 1.4; color: #0b0c0c; background: #fff; }
        a { color: #1d70b8; } a:visited { color: #4c2c92; } a:hover { color: #003078; }
        a:focus, button:focus, input:focus, select:focus, textarea:focus, summary:focus, main:focus-visible {
          outline: 3px solid #ffdd00; outline-offset: 0; box-shadow: 0 0 0 6px #0b0c0c; }
        a:focus { background: #ffdd00; color: #0b0c0c; text-decoration: none; }
        .skip { position: absolute; left: -9999px; top: 0; padding: 8px 12px; background: #ffdd00; color: #0b0c0c; }
        .skip:focus { left: 8px; z-index: 10; }
        header.top { background: #0b0c0c; color: #fff; padding: 10px 16px; }
        header.top a { color: #fff; } header.top a:focus { color: #0b0c0c; }
        header.top .brand { margin: 0; font-weight: bold; font-size: 20px; }
        header.top .who { margin: 4px 0 0; font-size: 16px; }
        nav.main { background: #f3f2f1; border-bottom: 1px solid #b1b4b6; padding: 0 16px; }
        nav.main ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0 20px; }
        nav.main li { padding: 10px 0; }
        nav.main a[aria-current] { font-weight: bold; color: #0b0c0c; border-bottom: 4px solid #1d70b8; padding-bottom: 6px; }
        main { display: block; max-width: 1000px; margin: 0 auto; padding: 16px 16px 40px; }
        h1 { font-size: 32px; margin: 8px 0 16px; } h2 { font-size: 24px; margin: 28px 0 10px; } h3 { font-size: 20px; margin: 18px 0 8px; }
        p { margin: 0 0 14px; } .lede { font-size: 21px; } .muted, .hint { color: #505a5f; }
        .hint { font-size: 17px; margin-bottom: 6px; display: block; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0 20px; font-size: 17px; }
        th, td { border-bottom: 1px solid #b1b4b6; padding: 8px 10px 8px 0; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
        th { font-weight: bold; overflow-wrap: normal; } caption { text-align: left; font-weight: bold; padding-bottom: 6px; }
        td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
        .tag { display: inline-block; padding: 2px 8px; border-radius: 3px; font-weight: bold; font-size: 16px; background: #e8f1f8; color: #0b0c0c; border: 1px solid #1d70b8; }
        .tag.good { background: #e6f4ea; border-color: #00703c; } .tag.warn { background: #fff4e0; border-color: #b35900; }
        .tag.bad { background: #fde8e8; border-color: #d4351c; } .tag.grey { background: #f3f2f1; border-color: #505a5f; }
        .panel { border: 1px solid #b1b4b6; border-left: 6px solid #1d70b8; padding: 12px 16px; margin: 12px 0 20px; }
        .panel.good { border-left-color: #00703c; } .panel.warn { border-left-color: #b35900; } .panel.bad { border-left-color: #d4351c; }
        .error { color: #d4351c; font-weight: bold; }
        form { margin: 12px 0 24px; } fieldset { border: none; margin: 0; padding: 0; } legend { font-weight: bold; font-size: 21px; margin-bottom: 8px; }
        label { display: block; font-weight: bold; margin: 12px 0 4px; }
        input[type=text], input[type=email], select, textarea { font: inherit; border: 2px solid #0b0c0c; padding: 6px; width: 100%; max-width: 30em; }
        input[type=file] { font: inherit; max-width: 100%; }
        button, .button { font: inherit; display: inline-block; background: #00703c; color: #fff; border: none; border-bottom: 2px solid #002d18; padding: 8px 14px; margin: 8px 8px 8px 0; cursor: pointer; text-decoration: none; }
        button.secondary, .button.secondary { background: #f3f2f1; color: #0b0c0c; border-bottom-color: #929191; }
        ul.cards { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 12px; }
        ul.cards li { border: 1px solid #b1b4b6; padding: 12px; }
        footer.foot { border-top: 1px solid #b1b4b6; color: #505a5f; font-size: 16px; padding: 16px; text-align: center; }
        @media (max-width: 640px) {
          body { font-size: 17px; } h1 { font-size: 26px; } h2 { font-size: 21px; }
          main { padding: 12px 12px 32px; }
          table.stack, table.stack tbody, table.stack tr, table.stack td, table.stack th[scope=row] { display: block; width: 100%; }
          table.stack thead { position: absolute; left: -9999px; }
          table.stack tr { border: 1px solid #b1b4b6; margin-bottom: 10px; padding: 4px 8px; }
          table.stack td, table.stack th[scope=row] { border: none; padding: 4px 0; text-align: left; }
          table.stack td.n { text-align: left; }
          table.stack td[data-label]::before { content: attr(data-label) ": "; font-weight: bold; color: #505a5f; }
        }
        """;

    // After the shared RAG rules: the pages' badge and key sizes.
    private const string Sizes = """
        .rag { padding: 2px 8px; font-size: 16px; }
        .rag-key { padding: 8px 12px; margin: 12px 0; font-size: 17px; } .rag-key ul { gap: 6px 18px; }
        """;
}
