using System.CommandLine;
using Pmf.Pipeline;
using Pmf.Pipeline.FollowUp;
using Pmf.Pipeline.Reports;
using Spectre.Console;

namespace Pmf.Cli.Commands;

/// <summary>
/// <c>pmf results show|note INDICATOR PERIOD</c>: a result with the return's commentary and the notes added
/// since, and a commentary or remedial action added to it without resubmitting a file.
/// </summary>
internal static class ResultsCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("results", "Show a result with its commentary, or add a commentary or remedial action to it without resubmitting a file.");
        command.Subcommands.Add(Show(cli));
        command.Subcommands.Add(Note(cli));
        return command;
    }

    private static (Argument<string> Indicator, Argument<string> Period) Key() => (
        new Argument<string>("INDICATOR") { Description = "The indicator's code." },
        new Argument<string>("PERIOD") { Description = "The period, e.g. \"2026/27 Q2\"." });

    private static Command Show(CliContext cli)
    {
        var (indicator, period) = Key();
        var command = new Command("show", "A result: value, target, RAG, the return's commentary and remedial action, and the notes added since.") { indicator, period };
        command.SetAction((parse, cancellationToken) => cli.RunAsync(parse, async services =>
        {
            var warehouse = await services.MigratedWarehouseAsync(cancellationToken);
            var found = await new ResultNoteBook(warehouse).FindAsync(parse.GetValue(indicator)!, CliContext.Period(parse.GetValue(period)), cancellationToken)
                ?? throw NoResult(parse.GetValue(indicator)!, parse.GetValue(period)!);
            Write(cli, parse, found, added: false);
            return ExitCodes.Done;
        }, cancellationToken: cancellationToken));
        return command;
    }

    private static Command Note(CliContext cli)
    {
        var (indicator, period) = Key();
        var commentary = new Option<string?>("--commentary") { Description = "What you say about the result (blank: keep the last note's)." };
        var remedial = new Option<string?>("--remedial-action") { Description = "What is being done about it (blank: keep the last note's)." };
        var by = new Option<string?>("--by") { Description = "Who you are (default: your user name)." };
        var command = new Command("note", "Add a commentary or remedial action to a result, without resubmitting a file; the next committee report shows it.")
        {
            indicator, period, commentary, remedial, by,
        };
        command.SetAction((parse, cancellationToken) => cli.RunAsync(parse, async services =>
        {
            var warehouse = await services.MigratedWarehouseAsync(cancellationToken);
            var who = parse.GetValue(by) is { Length: > 0 } given ? given : Environment.UserName;
            NotedResult? noted;
            try
            {
                noted = await new ResultNoteBook(warehouse).AddAsync(
                    parse.GetValue(indicator)!, CliContext.Period(parse.GetValue(period)), parse.GetValue(commentary), parse.GetValue(remedial), who,
                    cli.Time.GetUtcNow(), cancellationToken);
            }
            catch (ArgumentException e)
            {
                throw new ConfigurationProblemException(e.Message.Split(" (Parameter", 2)[0], e);
            }

            Write(cli, parse, noted ?? throw NoResult(parse.GetValue(indicator)!, parse.GetValue(period)!), added: true);
            return ExitCodes.Done;
        }, cancellationToken: cancellationToken));
        return command;
    }

    private static ConfigurationProblemException NoResult(string indicator, string period) => new(
        $"There is no current result for {indicator} in {period}; check the indicator's code and the period (pmf report lists them), or send the return first.");

    private static void Write(CliContext cli, ParseResult parse, NotedResult r, bool added)
    {
        if (CliContext.Json(parse))
        {
            cli.WriteJson(new
            {
                council = r.CouncilCode, service = r.ServiceCode, indicator = r.IndicatorCode, indicatorName = r.IndicatorName, period = r.PeriodCode,
                r.Unit, r.Value, r.Target, rag = ReportWords.Rag(r.Rag), r.Commentary, r.RemedialAction, r.ReceivedAt,
                notes = r.Notes.Select(n => new { n.Commentary, n.RemedialAction, by = n.WrittenBy, at = n.WrittenAt }),
            });
            return;
        }

        cli.Console.MarkupLineInterpolated(
            $"[bold]{r.IndicatorCode}[/] {r.IndicatorName}, {r.PeriodCode} ({r.ServiceName}): {ReportFormat.Value(r.Value, r.Unit)} against {ReportFormat.Value(r.Target, r.Unit)}, {ReportWords.Rag(r.Rag)}.");
        cli.Console.MarkupLineInterpolated($"With the return received {ReportWords.UkTime(r.ReceivedAt)}: commentary: {r.Commentary ?? "none"}; remedial action: {r.RemedialAction ?? "none"}.");
        foreach (var n in r.Notes)
        {
            cli.Console.MarkupLineInterpolated($"Added {ReportWords.UkTime(n.WrittenAt)} by {n.WrittenBy}: commentary: {n.Commentary ?? "none"}; remedial action: {n.RemedialAction ?? "none"}.");
        }

        if (added)
        {
            cli.Console.MarkupLine("[green]Note recorded; the next committee report shows it beside the result.[/]");
        }
    }
}
