using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pmf.Pipeline;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Warehouse;
using Spectre.Console;

namespace Pmf.Cli;

/// <summary>What every command shares: the console, the clock, the composition root and the error policy.</summary>
internal sealed class CliContext(IAnsiConsole console, TimeProvider time)
{
    public IAnsiConsole Console { get; } = console;

    public TimeProvider Time { get; } = time;

    /// <summary>Whether the command line asked for <c>--json</c>.</summary>
    public static bool Json(ParseResult parse) => parse.GetValue(GlobalOptions.Json);

    /// <summary>The period a <c>--period</c> option names, in any form FORMATS.md allows.</summary>
    /// <exception cref="ConfigurationProblemException">It is not a period; the message says why.</exception>
    public static Period Period(string? text)
    {
        var parsed = PeriodParser.Parse(text);
        return parsed.Period ?? throw new ConfigurationProblemException($"--period: {parsed.Error}");
    }

    /// <summary>
    /// Runs a command body over the pipeline's services (<see cref="CliServices"/>), built from the settings
    /// with <paramref name="flags"/> (setting name to value: the command's own options) on top, under the
    /// error policy of <see cref="RunAsync(ParseResult, Func{Task{int}})"/>.
    /// </summary>
    /// <param name="parse">The command line.</param>
    /// <param name="body">The command; returns its exit code.</param>
    /// <param name="flags">The command's options as the settings they override.</param>
    /// <param name="replace">Registrations the command needs otherwise, added after the pipeline's.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    public Task<int> RunAsync(
        ParseResult parse,
        Func<CliServices, Task<int>> body,
        IEnumerable<KeyValuePair<string, string?>>? flags = null,
        Action<IServiceCollection>? replace = null,
        CancellationToken cancellationToken = default) => RunAsync(parse, async () =>
        {
            await using var services = await CliServices.StartAsync(CliSettings.Read(parse, flags), Time, replace, cancellationToken);
            return await body(services);
        });

    /// <summary>
    /// Runs a command body under the CLI's error policy: a problem with settings or input is one
    /// clear sentence and exit code 2, never a stack trace; with <c>--json</c>, that sentence is a JSON
    /// document on standard output (<see cref="CliError"/>).
    /// </summary>
    public async Task<int> RunAsync(ParseResult parse, Func<Task<int>> body)
    {
        var json = Json(parse);
        try
        {
            return await body();
        }
        catch (Exception e) when (e is ConfigurationProblemException or OptionsValidationException)
        {
            return Fail(json, e.Message);
        }
        catch (OperationCanceledException)
        {
            return Fail(json, "Cancelled.", "yellow");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or WarehouseException)
        {
            return Fail(json, e.Message);
        }
        catch (Exception e)
        {
            // Last resort: still one sentence for the operator; the details only when asked for.
            var exit = Fail(json, $"pmf could not finish: {e.GetType().Name}: {e.Message} Set PMF_DEBUG=1 to see the details, and report it if it persists.");
            if (Environment.GetEnvironmentVariable("PMF_DEBUG") == "1")
            {
                if (json)
                {
                    await System.Console.Error.WriteLineAsync(e.ToString());
                }
                else
                {
                    Console.WriteException(e);
                }
            }

            return exit;
        }
    }

    /// <summary>Says what went wrong (as a sentence, or with <c>--json</c> as a <see cref="CliError"/>) and returns exit code 2.</summary>
    public int Fail(bool json, string message, string colour = "red", string? didYouMean = null)
    {
        if (json)
        {
            WriteJson(new CliError(message, ExitCodes.UsageOrConfiguration, didYouMean));
        }
        else
        {
            Console.MarkupLine($"[{colour}]{Markup.Escape(message)}[/]");
        }

        return ExitCodes.UsageOrConfiguration;
    }

    /// <summary>
    /// Runs a long job, showing which step it is on: a spinner on a terminal, a line per step when
    /// output is redirected, and nothing at all with --json (standard output is the document).
    /// </summary>
    public async Task StepsAsync(bool json, Func<Action<string>, Task> body)
    {
        if (json)
        {
            await body(_ => { });
        }
        else if (Console.Profile.Capabilities.Interactive)
        {
            await Console.Status().StartAsync("Starting", ctx => body(step => ctx.Status(Markup.Escape(step))));
        }
        else
        {
            await body(step => Console.MarkupLineInterpolated($"[grey]- {step}[/]"));
        }
    }

    /// <summary>Writes <paramref name="value"/> as indented JSON to standard output, with the names of <see cref="CliJson"/>.</summary>
    public void WriteJson(object value) => Console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(value, CliJson.Options));
}

/// <summary>
/// What <c>--json</c> prints on standard output when a command cannot do what was asked: the sentence a
/// person would read, the exit code, and for a misspelt command the one probably meant.
/// </summary>
/// <param name="Error">What went wrong and what to do, in one sentence.</param>
/// <param name="ExitCode">The process's exit code (<see cref="ExitCodes"/>).</param>
/// <param name="DidYouMean">The command line probably meant, e.g. <c>pmf catalogue load</c>.</param>
internal sealed record CliError(string Error, int ExitCode, string? DidYouMean = null);
