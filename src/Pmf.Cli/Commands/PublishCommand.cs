using System.CommandLine;
using Pmf.Pipeline.Publication;
using Pmf.Pipeline.Reports;
using Spectre.Console;

namespace Pmf.Cli.Commands;

/// <summary>
/// <c>pmf publish review|approve|publish --council X --period P --by NAME [--committee C] [--note TEXT]</c> and
/// <c>pmf publish status --council X --period P</c>: a council's period from draft to published, each step recorded.
/// </summary>
internal static class PublishCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("publish", "Sign-off and publication of a council's period: review, approve, publish, and the status so far.");
        command.Subcommands.Add(Step(cli, "review", PublicationStage.Reviewed, "Record that the period's report was reviewed (e.g. by Scrutiny)."));
        command.Subcommands.Add(Step(cli, "approve", PublicationStage.Approved, "Record that the period's report was approved (e.g. by Cabinet); it no longer says DRAFT."));
        command.Subcommands.Add(Step(cli, "publish", PublicationStage.Published, "Publish the period: every result of it, Red ones included, becomes open data."));
        command.Subcommands.Add(Status(cli));
        return command;
    }

    private static Command Step(CliContext cli, string name, PublicationStage stage, string description)
    {
        var (council, period) = Target();
        var by = new Option<string>("--by") { Description = "Who is recording the step (a name).", Required = true };
        var committee = new Option<string?>("--committee") { Description = "The committee that reviewed or approved it (its name or code)." };
        var note = new Option<string?>("--note") { Description = "A note, e.g. the minute reference or the recommendation agreed." };
        var command = new Command(name, description) { council, period, by, committee, note };
        command.SetAction((parse, cancellationToken) => cli.RunAsync(parse, async services =>
        {
            var warehouse = await services.MigratedWarehouseAsync(cancellationToken);
            var step = await new PublicationLedger(warehouse, cli.Time).TakeAsync(
                parse.GetValue(council)!, CliContext.Period(parse.GetValue(period)), stage, parse.GetValue(by)!, parse.GetValue(committee), parse.GetValue(note), cancellationToken);
            if (CliContext.Json(parse))
            {
                cli.WriteJson(step);
                return ExitCodes.Done;
            }

            cli.Console.MarkupLineInterpolated($"[green]{step.CouncilCode} {step.Period.Key} is {PublicationLedger.Words(step.Stage)}[/] ({step.By}, {ReportWords.UkTime(step.At)}{(step.Committee is null ? "" : ", " + step.Committee)}).");
            if (stage == PublicationStage.Published)
            {
                cli.Console.MarkupLineInterpolated($"{step.Results} result(s) published, {step.RedResults} of them Red. A correction from now on is a restatement, listed in the next report.");
            }

            return ExitCodes.Done;
        }, cancellationToken: cancellationToken));
        return command;
    }

    private static Command Status(CliContext cli)
    {
        var (council, period) = Target();
        var command = new Command("status", "Show the steps a council's period has taken towards publication.") { council, period };
        command.SetAction((parse, cancellationToken) => cli.RunAsync(parse, async services =>
        {
            var warehouse = await services.MigratedWarehouseAsync(cancellationToken);
            var key = CliContext.Period(parse.GetValue(period));
            var steps = await new PublicationLedger(warehouse, cli.Time).StepsAsync(parse.GetValue(council)!, key, cancellationToken);
            if (CliContext.Json(parse))
            {
                cli.WriteJson(steps);
                return ExitCodes.Done;
            }

            if (steps.Count == 0)
            {
                cli.Console.MarkupLineInterpolated($"{parse.GetValue(council)} {key.Key} is a draft: no step taken yet. Next: pmf publish review.");
                return ExitCodes.Done;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumns("Step", "By", "When", "Committee", "Note");
            foreach (var s in steps)
            {
                table.AddRow(Markup.Escape(s.Stage.ToString()), Markup.Escape(s.By), Markup.Escape(ReportWords.UkTime(s.At)), Markup.Escape(s.Committee ?? ""), Markup.Escape(s.Note ?? ""));
            }

            cli.Console.Write(table);
            return ExitCodes.Done;
        }, cancellationToken: cancellationToken));
        return command;
    }

    private static (Option<string> Council, Option<string> Period) Target() =>
        (new Option<string>("--council") { Description = "The council (its code).", Required = true },
         new Option<string>("--period") { Description = "The reporting period, e.g. \"2026/27 Q2\" or 2026/27.", Required = true });
}
