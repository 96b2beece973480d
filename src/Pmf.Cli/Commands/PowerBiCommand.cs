using System.CommandLine;
using Pmf.Pipeline.PowerBi;
using Spectre.Console;

namespace Pmf.Cli.Commands;

/// <summary>
/// <c>pmf powerbi --out DIR</c>: writes the Power BI project generated from the warehouse's reporting
/// views, with CSV extracts of the views when the warehouse is the embedded SQLite file.
/// </summary>
internal static class PowerBiCommand
{
    public static Command Create(CliContext cli)
    {
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Folder for the Power BI project (PmfPipeline.pbip, its semantic model and report, and extracts/ for SQLite).",
            DefaultValueFactory = _ => new DirectoryInfo("powerbi"),
        };
        var command = new Command("powerbi", "Write a Power BI project (PBIP, TMDL semantic model) generated from the warehouse's reporting views.") { output };
        command.SetAction((parse, cancellationToken) => cli.RunAsync(parse, async services =>
        {
            var database = services.Warehouse;
            var project = await PowerBiProjectWriter.WriteAsync(database, services.WarehouseOptions.ConnectionString, parse.GetValue(output)!.FullName, cancellationToken);
            if (CliContext.Json(parse))
            {
                cli.WriteJson(project);
                return ExitCodes.Done;
            }

            cli.Console.MarkupLineInterpolated($"[green]Power BI project written:[/] [link]{project.ProjectFile}[/]");
            cli.Console.MarkupLineInterpolated($"  {project.Tables} tables, {project.Columns} columns, {project.Measures} measures, {project.Roles} roles, from {database.Location}");
            if (project.ExtractRows.Count > 0)
            {
                cli.Console.MarkupLineInterpolated($"  CSV extracts of the views in [link]{Path.Combine(project.Folder, PowerBiProjectWriter.ExtractsFolder)}[/] ({project.ExtractRows.Values.Sum()} rows); the model reads them (parameter DataSource = Csv).");
            }

            cli.Console.MarkupLine("Open the .pbip in Power BI Desktop; docs/powerbi.md explains the model, its measures and roles.");
            return ExitCodes.Done;
        }, cancellationToken: cancellationToken));
        return command;
    }
}
