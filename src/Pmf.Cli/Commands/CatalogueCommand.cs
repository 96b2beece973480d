using System.CommandLine;
using Pmf.Pipeline.Catalogue;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.Warehouse;
using Spectre.Console;

namespace Pmf.Cli.Commands;

/// <summary>
/// <c>pmf catalogue load FILE</c>: validate a catalogue workbook and load it; <c>pmf catalogue validate FILE</c>:
/// validate only. Either way the problems are marked in <c>NAME.checked.xlsx</c> beside the workbook.
/// </summary>
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
            var path = Existing(parse.GetValue(file)!);
            await services.MigratedWarehouseAsync(cancellationToken);
            CatalogueLoadOutcome outcome;
            await using (var stream = path.OpenRead())
            {
                outcome = await services.Get<LoadCatalogueJob>().RunAsync(stream, path.Name, parse.GetValue(effective), cancellationToken);
            }

            return Report(cli, parse, outcome, path);
        }, cancellationToken: cancellationToken));

        var checkedFile = new Argument<FileInfo>("FILE") { Description = "The catalogue workbook (.xlsx or .xls)." };
        var validate = new Command("validate", "Check a catalogue workbook without loading it; its problems are marked in a copy beside it.") { checkedFile };
        validate.SetAction((parse, cancellationToken) => cli.RunAsync(parse, () =>
        {
            var path = Existing(parse.GetValue(checkedFile)!);
            CatalogueReadResult read;
            using (var stream = path.OpenRead())
            {
                read = CatalogueReader.Read(stream, path.Name, cancellationToken);
            }

            return Task.FromResult(Report(cli, parse, new CatalogueLoadOutcome(path.Name, read.Problems, null) { Checked = true }, path));
        }));

        var exportOut = new Option<FileInfo>("--out") { Description = "The catalogue workbook to write (.xlsx).", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace the file if it exists." };
        var export = new Command("export", "Write what the warehouse holds as a catalogue workbook, which loads back unchanged.") { exportOut, force };
        export.SetAction((parse, cancellationToken) => cli.RunAsync(parse, async services =>
        {
            var path = parse.GetValue(exportOut)!;
            if (path.Exists && !parse.GetValue(force))
            {
                throw new Pipeline.ConfigurationProblemException($"{path.FullName} already exists; choose another --out file, or add --force to replace it.");
            }

            if (path.Directory is { Exists: false } missing)
            {
                throw new Pipeline.ConfigurationProblemException($"The folder {missing.FullName} does not exist; create it or choose another --out file.");
            }

            var warehouse = await services.MigratedWarehouseAsync(cancellationToken);
            var framework = await new CatalogueExport(warehouse).ReadAsync(cancellationToken);
            CatalogueWorkbookWriter.Write(framework, path.FullName);
            if (CliContext.Json(parse))
            {
                cli.WriteJson(new { path = path.FullName, councils = framework.Councils.Count, services = framework.Services.Count, indicators = framework.Indicators.Count, targets = framework.Targets.Count });
            }
            else
            {
                cli.Console.MarkupLineInterpolated($"[green]Wrote the warehouse's catalogue ({framework.Indicators.Count} indicators, {framework.Targets.Count} targets) to {path.FullName}.[/]");
            }

            return ExitCodes.Done;
        }, cancellationToken: cancellationToken));

        var catalogue = new Command("catalogue", "The framework catalogue: councils, priorities, services, indicators and targets.") { load, validate, export };
        catalogue.Aliases.Add("catalog");
        return catalogue;
    }

    private static FileInfo Existing(FileInfo path) => path.Exists
        ? path
        : throw new Pipeline.ConfigurationProblemException($"There is no file at {path.FullName}; check the path.");

    /// <summary>Marks the problems in the annotated copy, then prints (or writes as JSON) the verdict.</summary>
    private static int Report(CliContext cli, ParseResult parse, CatalogueLoadOutcome outcome, FileInfo path)
    {
        outcome = outcome with { CheckedCopy = CatalogueAnnotation.Write(path.FullName, outcome.Problems) };
        if (CliContext.Json(parse))
        {
            cli.WriteJson(outcome);
        }
        else
        {
            CatalogueReport.Write(cli.Console, outcome);
        }

        return (outcome.Loaded || outcome.Checked) && outcome.Problems.Count == 0 ? ExitCodes.Done : ExitCodes.DataProblems;
    }
}
