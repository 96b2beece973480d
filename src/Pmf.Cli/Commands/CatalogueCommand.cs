using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Cli.Commands;

/// <summary><c>pmf catalogue load FILE</c>: validate a catalogue workbook and load it.</summary>
internal static class CatalogueCommand
{
    public static Command Create(CliContext cli)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The catalogue workbook (.xlsx or .xls)." };
        var effective = new Option<DateOnly?>("--effective-from")
        {
            Description = "The day changed indicator definitions take effect (default: today). Periods ending before it keep the old definition.",
        };
        var load = new Command("load", "Validate a catalogue workbook and, if it has no errors, load it into the warehouse.") { file, effective };
        load.SetAction((parse, cancellationToken) => cli.RunAsync(async () =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new Pipeline.ConfigurationProblemException($"There is no file at {path.FullName}; check the path.");
            }

            var warehouse = new WarehouseDatabase(CliContext.Warehouse(parse));
            await warehouse.MigrateAsync(cancellationToken);
            await using var stream = path.OpenRead();
            var outcome = await new LoadCatalogueJob(warehouse, cli.Time, NullLogger<LoadCatalogueJob>.Instance)
                .RunAsync(stream, path.Name, parse.GetValue(effective), cancellationToken);
            if (parse.GetValue(GlobalOptions.Json))
            {
                cli.WriteJson(outcome);
            }
            else
            {
                CatalogueReport.Write(cli.Console, outcome);
            }

            return outcome.Loaded && outcome.Problems.Count == 0 ? ExitCodes.Done : ExitCodes.DataProblems;
        }));

        var catalogue = new Command("catalogue", "The framework catalogue: councils, priorities, services, indicators and targets.") { load };
        catalogue.Aliases.Add("catalog");
        return catalogue;
    }
}
