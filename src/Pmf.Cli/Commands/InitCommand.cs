using System.CommandLine;

namespace Pmf.Cli.Commands;

/// <summary><c>pmf init</c>: create or upgrade the warehouse. Idempotent.</summary>
internal static class InitCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("init", "Create the warehouse, or upgrade it to this version's schema. Safe to run again.");
        command.SetAction((parse, cancellationToken) => cli.RunAsync(parse, async services =>
        {
            var options = services.WarehouseOptions;
            var outcome = await services.Warehouse.MigrateAsync(cancellationToken);
            if (CliContext.Json(parse))
            {
                cli.WriteJson(new { provider = options.Provider, outcome });
            }
            else
            {
                WarehouseReport.Migration(cli.Console, options, outcome);
            }

            return ExitCodes.Done;
        }, cancellationToken: cancellationToken));
        return command;
    }
}
