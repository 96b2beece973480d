using System.CommandLine;
using Pmf.Pipeline.Jobs;

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
        load.SetAction((parse, cancellationToken) => cli.RunAsync(parse, async services =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new Pipeline.ConfigurationProblemException($"There is no file at {path.FullName}; check the path.");
            }

            await services.MigratedWarehouseAsync(cancellationToken);
            await using var stream = path.OpenRead();
            var outcome = await services.Get<LoadCatalogueJob>().RunAsync(stream, path.Name, parse.GetValue(effective), cancellationToken);
            if (CliContext.Json(parse))
            {
                cli.WriteJson(outcome);
            }
            else
            {
                CatalogueReport.Write(cli.Console, outcome);
            }

            return outcome.Loaded && outcome.Problems.Count == 0 ? ExitCodes.Done : ExitCodes.DataProblems;
        }, cancellationToken: cancellationToken));

        var catalogue = new Command("catalogue", "The framework catalogue: councils, priorities, services, indicators and targets.") { load };
        catalogue.Aliases.Add("catalog");
        return catalogue;
    }
}
