using System.CommandLine;
using System.Globalization;
using Pmf.Pipeline;
using Pmf.Pipeline.FollowUp;
using Pmf.Pipeline.Reports;
using Spectre.Console;

namespace Pmf.Cli.Commands;

/// <summary><c>pmf followup list|show|ack|resolve</c>: the follow-ups people act on, with a note of what they did, and their history.</summary>
internal static class FollowUpCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("followup", "List follow-ups, or acknowledge or resolve one with a note.");
        command.Subcommands.Add(List(cli));
        command.Subcommands.Add(Show(cli));
        command.Subcommands.Add(Change(cli, "ack", "Acknowledge a follow-up: you are acting on it.", (book, id, by, note, at, ct) => book.AcknowledgeAsync(id, by, note, at, ct)));
        command.Subcommands.Add(Change(cli, "resolve", "Resolve a follow-up by hand (the sweep will not reopen it).", (book, id, by, note, at, ct) => book.ResolveAsync(id, by, note, at, ct)));
        return command;
    }

    private static Command List(CliContext cli)
    {
        var all = new Option<bool>("--all") { Description = "Include resolved follow-ups." };
        var service = new Option<string?>("--service") { Description = "Only this service's follow-ups." };
        var command = new Command("list", "Open and acknowledged follow-ups, by service.") { all, service };
        command.SetAction((parse, cancellationToken) => cli.RunAsync(parse, async services =>
        {
            var warehouse = await services.MigratedWarehouseAsync(cancellationToken);
            var items = await new FollowUpBook(warehouse).ListAsync(parse.GetValue(all), parse.GetValue(service), cancellationToken);
            if (CliContext.Json(parse))
            {
                cli.WriteJson(items);
                return ExitCodes.Done;
            }

            var table = new Table().AddColumns("Id", "Service", "Kind", "Indicator", "Period", "Status", "Level", "Due", "Detail");
            foreach (var i in items)
            {
                table.AddRow(
                    i.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(i.ServiceCode), Markup.Escape(FollowUpKind.Describe(i.Kind)),
                    Markup.Escape(i.IndicatorCode), Markup.Escape(i.PeriodCode), Markup.Escape(i.Status), Markup.Escape(EscalationLevel.Describe(i.Level)),
                    i.DueAt.ToString("d MMM yyyy", CultureInfo.InvariantCulture), Markup.Escape(i.Detail ?? ""));
            }

            cli.Console.Write(table);
            cli.Console.MarkupLineInterpolated($"{items.Count} follow-up(s).");
            return ExitCodes.Done;
        }, cancellationToken: cancellationToken));
        return command;
    }

    private static Command Show(CliContext cli)
    {
        var id = new Argument<long>("ID") { Description = "The follow-up's id (see pmf followup list)." };
        var command = new Command("show", "One follow-up and its history: raised, escalated, acknowledged and resolved, with who, when and their notes.") { id };
        command.SetAction((parse, cancellationToken) => cli.RunAsync(parse, async services =>
        {
            var warehouse = await services.MigratedWarehouseAsync(cancellationToken);
            if (await new FollowUpBook(warehouse).FindAsync(parse.GetValue(id), cancellationToken) is not { } history)
            {
                throw new ConfigurationProblemException($"There is no follow-up {parse.GetValue(id)}; run pmf followup list --all to see them.");
            }

            if (CliContext.Json(parse))
            {
                cli.WriteJson(new
                {
                    history.FollowUp.Id, kind = FollowUpKind.Describe(history.FollowUp.Kind), indicator = history.FollowUp.IndicatorCode,
                    period = history.FollowUp.PeriodCode, service = history.FollowUp.ServiceCode, council = history.FollowUp.CouncilCode,
                    history.FollowUp.Status, level = EscalationLevel.Describe(history.FollowUp.Level), history.FollowUp.Detail,
                    history.FollowUp.HeadOfServiceMayResolve,
                    events = history.Events.Select(e => new { e.At, e.Action, e.Status, level = EscalationLevel.Describe(e.Level), by = e.Actor, e.Note }),
                });
                return ExitCodes.Done;
            }

            var f = history.FollowUp;
            cli.Console.MarkupLineInterpolated($"[bold]Follow-up {f.Id}[/]: {FollowUpKind.Describe(f.Kind)}, {f.IndicatorCode} {f.PeriodCode} ({f.ServiceCode}); {f.Status}, {EscalationLevel.Describe(f.Level)}.");
            var table = new Table().AddColumns("When", "What", "Status", "By", "Note");
            foreach (var e in history.Events)
            {
                table.AddRow(
                    Markup.Escape(ReportWords.UkTime(e.At)), Markup.Escape(e.Action), Markup.Escape(e.Status),
                    Markup.Escape(e.Actor ?? ""), Markup.Escape(e.Note ?? ""));
            }

            cli.Console.Write(table);
            return ExitCodes.Done;
        }, cancellationToken: cancellationToken));
        return command;
    }

    private static Command Change(
        CliContext cli, string name, string description,
        Func<FollowUpBook, long, string, string?, DateTimeOffset, CancellationToken, Task<bool>> change)
    {
        var id = new Argument<long>("ID") { Description = "The follow-up's id (see pmf followup list)." };
        var note = new Option<string>("--note") { Description = "What you did or are doing.", Required = true };
        var by = new Option<string?>("--by") { Description = "Who you are (default: your user name)." };
        var command = new Command(name, description) { id, note, by };
        command.SetAction((parse, cancellationToken) => cli.RunAsync(parse, async services =>
        {
            var warehouse = await services.MigratedWarehouseAsync(cancellationToken);
            var who = parse.GetValue(by) is { Length: > 0 } given ? given : Environment.UserName;
            var done = await change(new FollowUpBook(warehouse), parse.GetValue(id), who, parse.GetValue(note), cli.Time.GetUtcNow(), cancellationToken);
            if (CliContext.Json(parse))
            {
                cli.WriteJson(new { id = parse.GetValue(id), changed = done });
            }
            else if (done)
            {
                cli.Console.MarkupLineInterpolated($"Follow-up {parse.GetValue(id)}: {name} recorded.");
            }
            else
            {
                cli.Console.MarkupLineInterpolated($"[red]There is no open follow-up {parse.GetValue(id)}; run pmf followup list to see them.[/]");
            }

            // An id that names no open follow-up is a mistake on the command line, not a problem in the data.
            return done ? ExitCodes.Done : ExitCodes.UsageOrConfiguration;
        }, cancellationToken: cancellationToken));
        return command;
    }
}
