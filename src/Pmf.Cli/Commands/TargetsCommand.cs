using System.CommandLine;
using System.Globalization;
using Pmf.Pipeline;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Reports;
using Pmf.Pipeline.Warehouse;
using Spectre.Console;

namespace Pmf.Cli.Commands;

/// <summary>
/// <c>pmf targets rescore [--indicator CODE] [--year 2026/27] (--preview | --by NAME --reason TEXT)</c>:
/// scores past results again against the target now in force for their period, and records that it did.
/// Loading a catalogue never does this by itself.
/// </summary>
internal static class TargetsCommand
{
    public static Command Create(CliContext cli)
    {
        var indicator = new Option<string?>("--indicator") { Description = "Only this indicator (its code); default every indicator." };
        var year = new Option<string?>("--year") { Description = "Only periods of this financial year, e.g. 2026/27; default every year." };
        var by = new Option<string?>("--by") { Description = "Who is rescoring (a name), for the record." };
        var reason = new Option<string?>("--reason") { Description = "Why, for the record, e.g. \"Cabinet agreed the revised target on 12/11/2026\"." };
        var preview = new Option<bool>("--preview") { Description = "List what would be rescored; change nothing." };
        var rescore = new Command("rescore", "Score past results again against the target now in force for their period, and record it.") { indicator, year, by, reason, preview };
        rescore.SetAction((parse, cancellationToken) => cli.RunAsync(parse, async services =>
        {
            var warehouse = await services.MigratedWarehouseAsync(cancellationToken);
            var job = new TargetRescore(warehouse, cli.Time);
            var code = parse.GetValue(indicator);
            var financialYear = Year(parse.GetValue(year));
            var isPreview = parse.GetValue(preview);
            if (!isPreview && (string.IsNullOrWhiteSpace(parse.GetValue(by)) || string.IsNullOrWhiteSpace(parse.GetValue(reason))))
            {
                throw new ConfigurationProblemException("Rescoring changes results already reported, so it is recorded: give --by (your name) and --reason (why), or --preview to see what would change.");
            }

            var results = isPreview
                ? await job.PreviewAsync(code, financialYear, cancellationToken)
                : await job.RunAsync(code, financialYear, parse.GetValue(by)!, parse.GetValue(reason)!, cancellationToken);
            if (CliContext.Json(parse))
            {
                cli.WriteJson(results);
                return ExitCodes.Done;
            }

            Write(cli.Console, results, isPreview);
            return ExitCodes.Done;
        }, cancellationToken: cancellationToken));
        return new Command("targets", "Targets with history: rescore past results against a changed target.") { rescore };
    }

    private static FinancialYear? Year(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var parsed = PeriodParser.Parse(text);
        return parsed.Period is { Frequency: Frequency.Annual } period
            ? period.Year
            : throw new ConfigurationProblemException($"--year: '{text}' is not a financial year; write it as e.g. 2026/27.");
    }

    private static void Write(IAnsiConsole console, IReadOnlyList<RescoredResult> results, bool preview)
    {
        if (results.Count == 0)
        {
            console.MarkupLine("[green]Every result is already judged against the target in force for its period; nothing to rescore.[/]");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("Indicator", "Period", "Result", "Target was", "Target now", "RAG was", "RAG now");
        foreach (var r in results)
        {
            table.AddRow(
                Markup.Escape(r.IndicatorCode),
                Markup.Escape(r.Period.Key),
                Number(r.Value),
                Number(r.OldTarget),
                Number(r.NewTarget),
                ReportWords.Rag(r.OldRag),
                ReportWords.Rag(r.NewRag));
        }

        console.Write(table);
        console.MarkupLine(preview
            ? $"{results.Count} result(s) would be rescored. Run again with --by and --reason (instead of --preview) to rescore them."
            : $"[green]{results.Count} result(s) rescored[/] and recorded with who, when and why.");
    }

    private static string Number(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
}
