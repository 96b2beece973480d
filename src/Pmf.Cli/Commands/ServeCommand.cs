using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Pmf.Pipeline.Web;
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
        var noWeb = new Option<bool>("--no-web") { Description = "Serve no pages: only ingest returns and run the scheduled jobs (the same as Pmf:Web:Enabled=false)." };
        var command = new Command("serve", "Run the pipeline on this machine until stopped: ingest returns as they are dropped, run the scheduled jobs and serve the pages.") { noWeb };
        command.SetAction((parse, cancellationToken) => cli.RunAsync(parse, async () =>
        {
            var settings = CliSettings.Read(parse);
            if (parse.GetValue(noWeb))
            {
                settings = new ConfigurationBuilder().AddConfiguration(settings)
                    .AddInMemoryCollection([new($"{WebOptions.Section}:{nameof(WebOptions.Enabled)}", "false")]).Build();
            }

            using var host = ServeHost.Build(settings, cli.Time);
            await host.StartAsync(cancellationToken);
            cli.Console.MarkupLine("[green]pmf serve is running.[/] Drop returns in returns/<service>/; press Ctrl+C to stop.");
            if (ServeHost.PagesAddress(host) is { } pages)
            {
                cli.Console.MarkupLineInterpolated($"Pages for this machine at [link]{pages}[/] (signed in as {settings[$"{WebOptions.Section}:Identity:Email"] ?? "nobody: set Pmf:Web:Identity:Email"}).");
            }

            await host.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Done;
        }));
        return command;
    }
}
