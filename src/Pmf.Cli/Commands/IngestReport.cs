using System.Globalization;
using Pmf.Pipeline.Feedback;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.Warehouse;
using Spectre.Console;

namespace Pmf.Cli.Commands;

/// <summary>The verdict table people read after an ingest.</summary>
internal static class IngestReport
{
    public static void Write(IAnsiConsole console, IReadOnlyList<IngestOutcome> outcomes, IReadOnlyList<string>? stories)
    {
        if (outcomes.Count == 0)
        {
            console.MarkupLine("No returns were waiting.");
            return;
        }

        var table = new Table().Title("Returns received").Border(TableBorder.Rounded)
            .AddColumns("Return", "Verdict", "Loaded", "Errors", "Warnings");
        if (stories is not null)
        {
            table.AddColumn("What it shows");
        }

        for (var i = 0; i < outcomes.Count; i++)
        {
            var o = outcomes[i];
            var cells = new List<string>
            {
                Markup.Escape(o.Name),
                Verdict(o.Verdict, o.Load?.RowsRejected ?? 0),
                N(o.Load?.RowsLoaded),
                N(o.Load?.Errors),
                N(o.Load?.Warnings),
            };
            if (stories is not null)
            {
                cells.Add(Markup.Escape(i < stories.Count ? stories[i] : ""));
            }

            table.AddRow(cells.ToArray());
        }

        console.Write(table);
        foreach (var o in outcomes.Where(o => o.Verdict == SubmissionVerdict.Rejected && o.Reason is not null))
        {
            console.MarkupLineInterpolated($"[red]{o.Name}[/]: {o.Reason}");
            if (o.Fault is not null)
            {
                console.MarkupLineInterpolated($"  [grey]for the performance team: {o.Fault}[/]");
            }
        }

        var reports = outcomes.SelectMany(o => o.Reports).Where(r => r.Name.EndsWith(".html", StringComparison.Ordinal)).ToList();
        if (reports.Count > 0)
        {
            console.MarkupLineInterpolated($"Reports for senders are beside each file in processed/ and rejected/ ({reports.Count} HTML, with CSV and e-mail).");
        }
    }

    private static string Verdict(SubmissionVerdict verdict, int rowsRejected) => verdict switch
    {
        SubmissionVerdict.Accepted => "[green]Accepted[/]",
        SubmissionVerdict.AcceptedWithWarnings when rowsRejected > 0 => $"[yellow]{Markup.Escape(SenderReportWords.RowsRejected(rowsRejected))}[/]",
        SubmissionVerdict.AcceptedWithWarnings => "[yellow]Accepted with warnings[/]",
        SubmissionVerdict.Duplicate => "[blue]Duplicate[/]",
        _ => "[red]Rejected[/]",
    };

    private static string N(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";
}
