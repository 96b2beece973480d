using System.CommandLine;
using Pmf.Pipeline.Reports;
using Spectre.Console;

namespace Pmf.Cli.Commands;

/// <summary>
/// <c>pmf export --period KEY [--council CODE] --out DIR</c>: the period's published results as open data,
/// a CSV and a JSON file with the schema of docs/open-data.md.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(CliContext cli)
    {
        var period = new Option<string>("--period") { Description = "The period to publish, e.g. \"2026/27 Q2\" (its quarterly and monthly results), 2026/27 (the whole year) or \"Sep 2026\".", Required = true };
        var council = new Option<string?>("--council") { Description = "Only this council (its code); default every council, in one file." };
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Folder for the CSV and JSON files.",
            DefaultValueFactory = _ => new DirectoryInfo("open-data"),
        };
        var command = new Command("export", "Write a period's published results as open data (CSV and JSON, schema in docs/open-data.md).") { period, council, output };
        command.SetAction((parse, cancellationToken) => cli.RunAsync(parse, async services =>
        {
            var key = CliContext.Period(parse.GetValue(period));
            var warehouse = await services.MigratedWarehouseAsync(cancellationToken);
            var files = await new OpenDataExport(warehouse, cli.Time).WriteAsync(key, parse.GetValue(council), parse.GetValue(output)!.FullName, cancellationToken);
            if (CliContext.Json(parse))
            {
                cli.WriteJson(files);
                return ExitCodes.Done;
            }

            cli.Console.MarkupLineInterpolated($"[green]{files.Results} published result(s)[/] for {files.Period}{(files.CouncilCode is null ? "" : " (" + files.CouncilCode + ")")}:");
            cli.Console.MarkupLineInterpolated($"  [link]{files.CsvPath}[/]");
            cli.Console.MarkupLineInterpolated($"  [link]{files.JsonPath}[/]");
            cli.Console.MarkupLine("The columns and what they mean are in docs/open-data.md.");
            return ExitCodes.Done;
        }, cancellationToken: cancellationToken));
        return command;
    }
}
