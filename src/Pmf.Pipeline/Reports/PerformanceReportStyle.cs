namespace Pmf.Pipeline.Reports;

/// <summary>
/// The performance report's style sheet, written into the page: GOV.UK-like colours, RAG badges that say
/// their word as well as show their colour, and print rules for A4 (the summary on a page of its own,
/// no indicator split across pages, backgrounds printed).
/// </summary>
internal static class PerformanceReportStyle
{
    public const string Css = """
        @page { size: A4; margin: 14mm 12mm; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 190mm; padding: 16px; font-family: Arial, Helvetica, sans-serif; font-size: 12px; color: #0b0c0c; background: #fff;
               -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 22px 0 8px; border-bottom: 2px solid #0b0c0c; padding-bottom: 3px; break-after: avoid; }
        h3 { font-size: 14px; margin: 14px 0 6px; break-after: avoid; } h4 { font-size: 12px; margin: 10px 0 4px; color: #505a5f; break-after: avoid; }
        p { margin: 4px 0 8px; } .lede { font-size: 14px; } .muted { color: #505a5f; }
        table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
        th, td { border: 1px solid #b1b4b6; padding: 4px 6px; text-align: left; vertical-align: top; }
        th { background: #f3f2f1; } td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
        tfoot td { font-weight: bold; background: #f3f2f1; }
        .rag { display: inline-block; min-width: 64px; padding: 2px 6px; border-radius: 3px; color: #fff; font-weight: bold; text-align: center; white-space: nowrap; }
        .rag.red { background: #d4351c; } .rag.amber { background: #f47738; color: #0b0c0c; } .rag.green { background: #00703c; }
        .rag.data { background: #505a5f; } .rag.none { background: #fff; color: #0b0c0c; border: 1px dashed #505a5f; }
        th.red { border-top: 4px solid #d4351c; } th.amber { border-top: 4px solid #f47738; } th.green { border-top: 4px solid #00703c; }
        th.data { border-top: 4px solid #505a5f; } th.none { border-top: 4px dashed #505a5f; }
        .summary-page { break-after: page; }
        tbody.indicator { break-inside: avoid; } tr.note td { border-top: none; background: #fafafa; }
        .text { white-space: pre-wrap; overflow-wrap: anywhere; }
        .card { border-left: 5px solid #d4351c; padding: 4px 10px; margin: 8px 0; break-inside: avoid; background: #fdf3f1; }
        .card.good { border-color: #00703c; background: #f0f7f2; }
        .notice { border-left: 5px solid #1d70b8; background: #eef5fb; padding: 8px 12px; margin: 10px 0; }
        table.indicators { table-layout: fixed; }
        table.indicators col.name { width: 33%; } table.indicators col.num { width: 11%; } table.indicators col.rag { width: 12%; }
        table.indicators col.dir { width: 15%; } table.indicators col.trend { width: 18%; }
        svg.spark { display: block; width: 100%; max-width: 132px; height: auto; }
        footer { margin-top: 24px; font-size: 11px; color: #505a5f; }
        @media print { body { padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
        """;
}
