using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Pmf.Pipeline;
using Pmf.Pipeline.Alerts;
using Pmf.Pipeline.FollowUp;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.Hosting;
using Spectre.Console;

namespace Pmf.Cli.Commands;

/// <summary>
/// <c>pmf sweep [--as-of INSTANT] [--outbox DIR] [--no-mail]</c>: flag late returns, failing indicators and
/// data-quality failures as follow-ups, and send each head of service one digest.
/// </summary>
internal static class SweepCommand
{
    public static Command Create(CliContext cli)
    {
        var asOf = new Option<string?>("--as-of") { Description = "Sweep as of this instant or date (ISO 8601, UTC unless an offset is given); default now." };
        var outbox = new Option<string?>("--outbox") { Description = "Write digests as .eml files to this folder (overrides Pmf:Alerts)." };
        var noMail = new Option<bool>("--no-mail") { Description = "Update follow-ups only; send no digests." };
        var command = new Command("sweep", "Flag late returns, failing indicators and data-quality failures, and mail digests to heads of service.") { asOf, outbox, noMail };
        command.SetAction((parse, cancellationToken) =>
        {
            var flags = parse.GetValue(outbox) is { } folder
                ? new Dictionary<string, string?> { [$"{AlertOptions.Section}:{nameof(AlertOptions.Transport)}"] = AlertOptions.Outbox, [$"{AlertOptions.Section}:{nameof(AlertOptions.OutboxFolder)}"] = folder }
                : null;
            Action<IServiceCollection>? replace = parse.GetValue(noMail) ? s => s.AddSingleton(sp => PipelineServices.Sweep(sp, transport: null)) : null;
            return cli.RunAsync(parse, async services =>
            {
                var when = Instant(parse.GetValue(asOf)) ?? cli.Time.GetUtcNow();
                await services.MigratedWarehouseAsync(cancellationToken);
                var outcome = await services.Get<SweepJob>().RunAsync(when, cancellationToken);
                if (CliContext.Json(parse))
                {
                    cli.WriteJson(outcome);
                }
                else
                {
                    Write(cli.Console, outcome, parse.GetValue(noMail) ? null : services.Get<IMailTransport>());
                }

                return outcome.Digests.All(d => d.Sent) ? ExitCodes.Done : ExitCodes.DataProblems;
            }, flags, replace, cancellationToken);
        });
        return command;
    }

    private static DateTimeOffset? Instant(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant
            : throw new ConfigurationProblemException($"--as-of '{text}' is not a date or instant; use e.g. 2026-12-15 or 2026-12-15T09:00:00Z.");
    }

    internal static void Write(IAnsiConsole console, SweepOutcome outcome, IMailTransport? transport)
    {
        var changes = outcome.Changes;
        console.MarkupLineInterpolated(
            $"Sweep as of [bold]{outcome.Today:d MMM yyyy}[/]: {changes.Raised} raised, {changes.Escalated} escalated, {changes.Resolved} resolved, {changes.Reopened} reopened.");
        var table = new Table().AddColumns("Service", "Kind", "Level", "Open");
        foreach (var open in changes.Open)
        {
            table.AddRow(Markup.Escape(open.ServiceCode), Markup.Escape(FollowUpKind.Describe(open.Kind)),
                Markup.Escape(EscalationLevel.Describe(open.Level)), open.Count.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(table);
        if (transport is OutboxMailTransport box)
        {
            console.MarkupLineInterpolated($"{outcome.Digests.Count(d => d.Sent)} digest(s) written to {box.Folder}.");
        }
        else if (transport is not null)
        {
            console.MarkupLineInterpolated($"{outcome.Digests.Count(d => d.Sent)} digest(s) sent over {transport.Name}.");
        }

        foreach (var failed in outcome.Digests.Where(d => !d.Sent))
        {
            console.MarkupLineInterpolated($"[red]Digest for {failed.ServiceCode} not sent: {failed.Error} Its items go with the next sweep.[/]");
        }

        if (outcome.Feedback.Count > 0)
        {
            console.MarkupLineInterpolated($"{outcome.Feedback.Count(f => f.Sent)} report(s) to senders that were still owed went out.");
        }

        foreach (var failed in outcome.Feedback.Where(f => !f.Sent))
        {
            console.MarkupLineInterpolated($"[red]Report on {failed.FileName} (submission {failed.SubmissionId}) not sent: {failed.Error} The next sweep tries again.[/]");
        }
    }
}
