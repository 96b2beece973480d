using System.CommandLine;
using Pmf.Cli.Commands;
using Spectre.Console;

namespace Pmf.Cli;

/// <summary>The <c>pmf</c> command line: operator commands over the pipeline's jobs.</summary>
public static class PmfApp
{
    /// <summary>
    /// Every command, in the order help lists them. To add one, write a static class in Commands/ whose
    /// <c>Create(CliContext)</c> returns the <see cref="Command"/>, its action calling
    /// <see cref="CliContext.RunAsync(ParseResult, Func{CliServices, Task{int}}, IEnumerable{KeyValuePair{string, string}}, Action{Microsoft.Extensions.DependencyInjection.IServiceCollection}, CancellationToken)"/>
    /// to get its jobs, and add it here.
    /// </summary>
    private static readonly Func<CliContext, Command>[] Commands =
    [
        InitCommand.Create, CatalogueCommand.Create, IngestCommand.Create, PullCommand.Create, DemoCommand.Create, SweepCommand.Create,
        FollowUpCommand.Create, ServeCommand.Create, PowerBiCommand.Create, TemplateCommand.Create, ReportCommand.Create, ExportCommand.Create,
        TargetsCommand.Create, PublishCommand.Create, ResultsCommand.Create,
    ];

    /// <summary>Parses <paramref name="args"/>, runs the command and returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, TimeProvider time, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("PMF Pipeline: a council's Performance Management Framework as a data pipeline.");
        var context = new CliContext(console, time);
        root.Options.Add(GlobalOptions.Config);
        root.Options.Add(GlobalOptions.Provider);
        root.Options.Add(GlobalOptions.Connection);
        root.Options.Add(GlobalOptions.Json);
        foreach (var create in Commands)
        {
            root.Subcommands.Add(create(context));
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            return Refuse(context, parse);
        }

        // Only help and --version write here; every command writes through the console.
        using var help = new StringWriter();
        var exit = await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = help }, cancellationToken);
        console.Profile.Out.Writer.Write(CliHelp.Tidy(help.ToString(), root));
        return exit;
    }

    private static int Refuse(CliContext context, ParseResult parse)
    {
        var suggestion = CommandSuggestion.For(parse) is { } meant ? $"pmf {meant}" : null;
        var errors = string.Join(" ", parse.Errors.Select(e => e.Message));
        if (CliContext.Json(parse))
        {
            return context.Fail(json: true, $"{errors} Run pmf --help to see the commands and options.", didYouMean: suggestion);
        }

        foreach (var error in parse.Errors)
        {
            context.Console.MarkupLineInterpolated($"[red]{error.Message}[/]");
        }

        if (suggestion is not null)
        {
            context.Console.MarkupLineInterpolated($"Did you mean [bold]{suggestion}[/]?");
        }

        context.Console.MarkupLine("Run [bold]pmf --help[/] to see the commands and options.");
        return ExitCodes.UsageOrConfiguration;
    }
}
