using System.CommandLine;
using System.Globalization;
using Pmf.Pipeline;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Templates;
using Spectre.Console;

namespace Pmf.Cli.Commands;

/// <summary>
/// <c>pmf template --service CODE --period KEY [--out FILE]</c>: writes a service's return template for a
/// period, pre-filled from the warehouse; <c>--all --out DIR</c> writes one per service that owes something.
/// </summary>
internal static class TemplateCommand
{
    public static Command Create(CliContext cli)
    {
        var service = new Option<string?>("--service") { Description = "The service's code, e.g. HOU." };
        var period = new Option<string>("--period") { Description = "The period the return is for, e.g. 2026/27 Q2, 2026/27 M05 or 2026/27.", Required = true };
        var all = new Option<bool>("--all") { Description = "A template for every service that owes something for the period, into the --out folder." };
        var output = new Option<string?>("--out")
        {
            Description = "The file to write (default: '<SERVICE> <period> return.xlsx' here), or with --all the folder (default: templates).",
        };
        var force = new Option<bool>("--force") { Description = "Replace the file --out names if it exists (a template is never written over a file otherwise)." };
        var command = new Command("template", "Write return templates: the indicators and delivery-plan action updates a service owes for a period, pre-filled, ready to send out.") { service, period, all, output, force };
        command.SetAction((parse, cancellationToken) => cli.RunAsync(parse, async services =>
        {
            var wanted = CliContext.Period(parse.GetValue(period));
            var code = parse.GetValue(service);
            var everyService = parse.GetValue(all);
            var oneService = code is { Length: > 0 };
            if (everyService == oneService)
            {
                throw new ConfigurationProblemException("Pass either --service CODE for one service's template or --all for every service's, not both or neither.");
            }

            var query = new TemplateQuery(await services.MigratedWarehouseAsync(cancellationToken));
            var written = everyService
                ? await WriteAllAsync(query, wanted, parse.GetValue(output) ?? "templates", cancellationToken)
                : [await WriteOneAsync(query, code!, wanted, parse.GetValue(output), parse.GetValue(force), cancellationToken)];
            Report(cli, CliContext.Json(parse), wanted, written);
            return ExitCodes.Done;
        }, cancellationToken: cancellationToken));
        return command;
    }

    private static async Task<Written> WriteOneAsync(TemplateQuery query, string code, Period period, string? output, bool replace, CancellationToken cancellationToken)
    {
        var template = await query.BuildAsync(code, period, cancellationToken);
        if (template is null)
        {
            var services = await query.ServicesAsync(cancellationToken);
            throw new ConfigurationProblemException(services.Count == 0
                ? "The warehouse holds no services yet; load the catalogue with 'pmf catalogue load FILE' first."
                : $"There is no service '{code}' in the catalogue; use one of {string.Join(", ", services.Select(s => s.Code))}.");
        }

        if (template.OwesNothing)
        {
            throw new ConfigurationProblemException($"{template.Service.Code} owes nothing for {period.Key} (none of its indicators reported in returns falls due in it, and it owes no update on a delivery-plan action); pick another period, or use --all to see who owes what.");
        }

        var path = output is null ? template.FileName
            : Directory.Exists(output) ? SafeFileName.Under(output, template.FileName)
            : output;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(folder))
        {
            throw new ConfigurationProblemException($"--out: the folder {folder} does not exist; create it first, or name a file in a folder that does.");
        }

        if (File.Exists(path) && !replace)
        {
            throw new ConfigurationProblemException($"{Path.GetFullPath(path)} already exists (perhaps a completed return); pass --force to replace it, or --out to write the template elsewhere.");
        }

        TemplateWorkbook.Write(template, path);
        return new Written(template, Path.GetFullPath(path));
    }

    /// <summary>Writes a template for every service that owes something for <paramref name="period"/> into <paramref name="folder"/>; the demo uses it too.</summary>
    internal static async Task<IReadOnlyList<Written>> WriteAllAsync(TemplateQuery query, Period period, string folder, CancellationToken cancellationToken)
    {
        var templates = await query.BuildAllAsync(period, cancellationToken);
        if (templates.Count == 0)
        {
            throw new ConfigurationProblemException("The warehouse holds no services yet; load the catalogue with 'pmf catalogue load FILE' first.");
        }

        Directory.CreateDirectory(folder);
        var written = new List<Written>();
        foreach (var template in templates)
        {
            string? path = null;
            if (!template.OwesNothing)
            {
                path = SafeFileName.Under(folder, template.FileName);
                TemplateWorkbook.Write(template, path);
            }

            written.Add(new Written(template, path));
        }

        return written;
    }

    private static void Report(CliContext cli, bool json, Period period, IReadOnlyList<Written> written)
    {
        if (json)
        {
            cli.WriteJson(written.Select(w => new
            {
                service = w.Template.Service.Code,
                period = period.Key,
                rows = w.Template.Lines.Count,
                actions = w.Template.Actions.Count,
                dueBy = w.Template.DueBy,
                path = w.Path,
            }).ToList());
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Title($"Return templates for {Markup.Escape(period.Key)}")
            .AddColumns("Service", "Name", "Rows", "Actions", "Due by", "File");
        foreach (var w in written)
        {
            table.AddRow(
                Markup.Escape(w.Template.Service.Code),
                Markup.Escape(w.Template.Service.Name),
                w.Template.Lines.Count.ToString(CultureInfo.InvariantCulture),
                w.Template.Actions.Count.ToString(CultureInfo.InvariantCulture),
                w.Path is null ? "" : w.Template.DueBy.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
                w.Path is null ? "[grey]nothing due[/]" : Markup.Escape(w.Path));
        }

        cli.Console.Write(table);
        var files = written.Count(w => w.Path is not null);
        cli.Console.MarkupLineInterpolated($"{files} template(s) written. Send each to its head of service; docs/templates.md says how.");
    }

    /// <summary>A service's template and where it was written; no path when the service owed nothing.</summary>
    internal sealed record Written(ReturnTemplate Template, string? Path);
}
