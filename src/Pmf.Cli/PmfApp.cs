using System.CommandLine;
using Pmf.Cli.Commands;
using Spectre.Console;

namespace Pmf.Cli;

/// <summary>The <c>pmf</c> command line: operator commands over the pipeline's jobs.</summary>
public static class PmfApp
{
    /// <summary>Parses <paramref name="args"/>, runs the command and returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, TimeProvider time, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("PMF Pipeline: a council's Performance Management Framework as a data pipeline.");
        var context = new CliContext(console, time);
        root.Options.Add(GlobalOptions.Config);
        root.Options.Add(GlobalOptions.Provider);
        root.Options.Add(GlobalOptions.Connection);
        root.Options.Add(GlobalOptions.Json);
        root.Subcommands.Add(InitCommand.Create(context));
        root.Subcommands.Add(CatalogueCommand.Create(context));
        root.Subcommands.Add(IngestCommand.Create(context));
        root.Subcommands.Add(PullCommand.Create(context));
        root.Subcommands.Add(DemoCommand.Create(context));
        root.Subcommands.Add(SweepCommand.Create(context));
        root.Subcommands.Add(FollowUpCommand.Create(context));
        root.Subcommands.Add(ServeCommand.Create(context));
        root.Subcommands.Add(PowerBiCommand.Create(context));
        root.Subcommands.Add(TemplateCommand.Create(context));
        root.Subcommands.Add(ReportCommand.Create(context));
        root.Subcommands.Add(ExportCommand.Create(context));
        root.Subcommands.Add(TargetsCommand.Create(context));
        root.Subcommands.Add(PublishCommand.Create(context));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                console.MarkupLineInterpolated($"[red]{error.Message}[/]");
            }

            if (CommandSuggestion.For(parse) is { } suggestion)
            {
                console.MarkupLineInterpolated($"Did you mean [bold]pmf {suggestion}[/]?");
            }

            console.MarkupLine("Run [bold]pmf --help[/] to see the commands and options.");
            return ExitCodes.UsageOrConfiguration;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, cancellationToken);
    }
}
