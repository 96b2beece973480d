using System.CommandLine;
using Pmf.Pipeline;
using Pmf.Pipeline.Jobs;
using Pmf.Pipeline.Storage;
using Pmf.Pipeline.Warehouse;

namespace Pmf.Cli.Commands;

/// <summary>
/// <c>pmf ingest [PATH] [--service CODE]</c>: drop returns from disk into the store, as a service
/// would, and ingest everything waiting. With no PATH it ingests what is already waiting.
/// </summary>
internal static class IngestCommand
{
    public static Command Create(CliContext cli)
    {
        var path = new Argument<FileSystemInfo?>("PATH")
        {
            Description = "A return file, a folder of one service's returns (with --service), or a folder laid out as <service>/<file>.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var service = new Option<string?>("--service") { Description = "The service the file(s) come from (default: the folder they are in)." };
        var command = new Command("ingest", "Read returns through the data-quality gate into the warehouse; each file gets a verdict and a report.") { path, service };
        command.SetAction((parse, cancellationToken) => cli.RunAsync(parse, async services =>
        {
            await services.MigratedWarehouseAsync(cancellationToken);
            var store = services.Get<IReturnStore>();
            var job = services.Get<IngestReturnJob>();
            var json = CliContext.Json(parse);

            var outcomes = new List<IngestOutcome>();
            await cli.StepsAsync(json, async step =>
            {
                if (parse.GetValue(path) is { } source)
                {
                    foreach (var drop in Drops(source, parse.GetValue(service)))
                    {
                        step($"Dropping {drop.Path.Name}");
                        await using var stream = File.OpenRead(drop.File);
                        await store.DropAsync(drop.Path, stream, null, cancellationToken);
                    }
                }

                outcomes.AddRange(await job.RunWaitingAsync(o => step($"{o.Name}: {o.Verdict}"), cancellationToken));
            });

            if (json)
            {
                cli.WriteJson(outcomes);
            }
            else
            {
                IngestReport.Write(cli.Console, outcomes, stories: null);
            }

            return outcomes.All(o => o.Verdict is SubmissionVerdict.Accepted or SubmissionVerdict.Duplicate) ? ExitCodes.Done : ExitCodes.DataProblems;
        }, cancellationToken: cancellationToken));
        return command;
    }

    private static IEnumerable<(ReturnPath Path, string File)> Drops(FileSystemInfo source, string? service)
    {
        if (source is FileInfo file)
        {
            if (!file.Exists)
            {
                throw new ConfigurationProblemException($"There is no file at {file.FullName}; check the path.");
            }

            yield return (PathFor(service ?? file.Directory?.Name, file), file.FullName);
            yield break;
        }

        var folder = (DirectoryInfo)source;
        if (!folder.Exists)
        {
            throw new ConfigurationProblemException($"There is no file or folder at {folder.FullName}; check the path.");
        }

        var files = service is null
            ? folder.EnumerateDirectories().SelectMany(d => d.EnumerateFiles().Select(f => (Service: d.Name, File: f)))
            : folder.EnumerateFiles().Select(f => (Service: service, File: f));
        foreach (var (code, f) in files.OrderBy(x => x.File.FullName, StringComparer.Ordinal))
        {
            yield return (PathFor(code, f), f.FullName);
        }
    }

    private static ReturnPath PathFor(string? service, FileInfo file)
    {
        var check = ReturnPath.Parse($"{service}/{file.Name}");
        return check.Path ?? throw new ConfigurationProblemException(
            $"{file.FullName} cannot be dropped as a return of service '{service}': {check.Problem} Give the service with --service.");
    }
}
