using System.CommandLine;
using System.Globalization;
using Pmf.Pipeline;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.Sources;
using Spectre.Console;

namespace Pmf.Cli.Commands;

/// <summary>
/// <c>pmf pull [--source NAME] [--as-of INSTANT]</c>: asks service systems (sources under
/// <c>Pmf:Sources</c>) for their open periods now, through the same quality gate as returns.
/// </summary>
internal static class PullCommand
{
    public static Command Create(CliContext cli)
    {
        var source = new Option<string?>("--source") { Description = "Pull only this source (default: every enabled source)." };
        var asOf = new Option<string?>("--as-of") { Description = "Pull as of this instant (ISO 8601, e.g. 2026-11-23T09:00:00Z); default now." };
        var command = new Command("pull", "Pull KPIs from service systems (REST and SQL sources) through the data-quality gate into the warehouse.") { source, asOf };
        command.SetAction((parse, cancellationToken) => cli.RunAsync(parse, async services =>
        {
            var instant = AsOf(parse.GetValue(asOf));
            await services.MigratedWarehouseAsync(cancellationToken);
            var job = services.Get<PullSourcesJob>();
            var json = CliContext.Json(parse);
            IReadOnlyList<PullOutcome> outcomes = [];
            await cli.StepsAsync(json, async step =>
            {
                step("Pulling from service systems");
                outcomes = await job.RunAsync(parse.GetValue(source), instant, cancellationToken);
            });

            if (json)
            {
                cli.WriteJson(outcomes.Select(o => o.Run).ToList());
            }
            else
            {
                Write(cli.Console, outcomes);
            }

            return outcomes.Any(o => o.IsProblem) ? ExitCodes.DataProblems : ExitCodes.Done;
        }, cancellationToken: cancellationToken));
        return command;
    }

    /// <summary>The table people read after a pull (the demo shows it too).</summary>
    internal static void Write(IAnsiConsole console, IReadOnlyList<PullOutcome> outcomes)
    {
        if (outcomes.Count == 0)
        {
            console.MarkupLine($"No sources are defined; add them under {SourceSettings.Section} (see docs/sources.md).");
            return;
        }

        var table = new Table().Title("Sources pulled").Border(TableBorder.Rounded)
            .AddColumns("Source", "Outcome", "Periods", "Records", "Loaded", "Attempts", "Submission");
        foreach (var o in outcomes)
        {
            table.AddRow(
                Markup.Escape(o.Source),
                Outcome(o.Outcome),
                Markup.Escape(o.Run.PeriodsFrom is null ? "" : $"{o.Run.PeriodsFrom} to {o.Run.PeriodsTo}"),
                N(o.Run.RecordsRead),
                N(o.Load?.RowsLoaded ?? 0),
                N(o.Run.Attempts),
                o.Run.SubmissionId?.ToString(CultureInfo.InvariantCulture) ?? "");
        }

        console.Write(table);
        foreach (var o in outcomes.Where(o => o.Run.Message is not null))
        {
            console.MarkupLineInterpolated($"[yellow]{o.Source}[/]: {o.Run.Message}");
        }
    }

    private static DateTimeOffset? AsOf(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : throw new ConfigurationProblemException($"--as-of '{text}' is not an instant; write it as ISO 8601, e.g. 2026-11-23T09:00:00Z.");
    }

    private static string Outcome(SourceRunOutcome outcome) => outcome switch
    {
        SourceRunOutcome.Loaded or SourceRunOutcome.Unchanged => $"[green]{Words(outcome)}[/]",
        SourceRunOutcome.LoadedWithWarnings or SourceRunOutcome.Empty => $"[yellow]{Words(outcome)}[/]",
        _ => $"[red]{Words(outcome)}[/]",
    };

    /// <summary>The outcome as a person reads it: "Loaded with warnings", not the enum's name.</summary>
    internal static string Words(SourceRunOutcome outcome) => outcome switch
    {
        SourceRunOutcome.LoadedWithWarnings => "Loaded with warnings",
        SourceRunOutcome.Unchanged => "Unchanged",
        SourceRunOutcome.Empty => "No records",
        _ => outcome.ToString(),
    };

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
