using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Pmf.Cli.Serve;
using Spectre.Console;

namespace Pmf.Cli.Commands;

/// <summary>
/// <c>pmf serve</c>: run the pipeline on this machine until stopped (Ctrl+C or SIGTERM): ingest each
/// return dropped in returns/ (a folder or a blob container) and run the timer jobs on their schedules.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("serve", "Run the pipeline on this machine until stopped: ingest returns as they are dropped and run the scheduled jobs.");
        command.SetAction((parse, cancellationToken) => cli.RunAsync(parse, async () =>
        {
            using var host = ServeHost.Build(CliSettings.Read(parse), cli.Time);
            await host.StartAsync(cancellationToken);
            cli.Console.MarkupLine("[green]pmf serve is running.[/] Drop returns in returns/<service>/; press Ctrl+C to stop.");
            await host.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Done;
        }));
        return command;
    }
}
