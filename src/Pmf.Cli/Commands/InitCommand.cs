using System.CommandLine;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Cli.Commands;

/// <summary><c>pmf init</c>: create or upgrade the warehouse. Idempotent.</summary>
internal static class InitCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("init", "Create the warehouse, or upgrade it to this version's schema. Safe to run again.");
        command.SetAction((parse, cancellationToken) => cli.RunAsync(async () =>
        {
            var options = CliContext.Warehouse(parse);
            var outcome = await new WarehouseDatabase(options).MigrateAsync(cancellationToken);
            if (parse.GetValue(GlobalOptions.Json))
            {
                cli.WriteJson(new { provider = options.Provider, outcome });
            }
            else
            {
                WarehouseReport.Migration(cli.Console, options, outcome);
            }

            return ExitCodes.Done;
        }));
        return command;
    }
}
