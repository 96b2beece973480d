using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pmf.Pipeline;
using Pmf.Pipeline.Hosting;
using Pmf.Pipeline.Calendar;
using Pmf.Pipeline.Warehouse;
using Spectre.Console;

namespace Pmf.Cli;

/// <summary>What every command shares: the console, the clock, settings and the error policy.</summary>
internal sealed class CliContext(IAnsiConsole console, TimeProvider time)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public IAnsiConsole Console { get; } = console;

    public TimeProvider Time { get; } = time;

    /// <summary>
    /// Settings from pmf.json (or --config), PMF__ environment variables and options, in rising precedence,
    /// checked whole before any command uses them, by the same registrations and checks the hosts start with.
    /// </summary>
    /// <exception cref="ConfigurationProblemException">The settings file is unreadable or a value has the wrong type.</exception>
    /// <exception cref="OptionsValidationException">A setting is unusable; the message names it.</exception>
    public static IConfiguration Configuration(ParseResult parse)
    {
        var configuration = Read(parse);
        using var services = new ServiceCollection()
            .AddLogging(b => b.ClearProviders())
            .AddPmfPipeline(configuration, TimeProvider.System)
            .BuildServiceProvider();
        // The checks are synchronous (binding and validation); the host's async contract is only their shape.
        services.ValidatePmfSettingsAsync().GetAwaiter().GetResult();
        return configuration;
    }

    private static IConfigurationRoot Read(ParseResult parse)
    {
        var file = parse.GetValue(GlobalOptions.Config);
        if (file is { Exists: false })
        {
            throw new ConfigurationProblemException($"The settings file {file.FullName} does not exist; pass an existing file to --config or leave it out.");
        }

        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(GlobalOptions.Provider) is { } provider)
        {
            overrides[$"{WarehouseOptions.Section}:Provider"] = provider;
        }

        if (parse.GetValue(GlobalOptions.Connection) is { } connection)
        {
            overrides[$"{WarehouseOptions.Section}:ConnectionString"] = connection;
        }

        var path = file?.FullName ?? Path.Combine(Directory.GetCurrentDirectory(), "pmf.json");
        try
        {
            var settingsFile = new ConfigurationBuilder().AddJsonFile(path, optional: file is null).Build();
            return new ConfigurationBuilder()
                .AddConfiguration(settingsFile)
                .AddInMemoryCollection(SettingsFilePaths.Resolve(settingsFile, Path.GetDirectoryName(path)!))
                .AddEnvironmentVariables()
                .AddInMemoryCollection(overrides)
                .Build();
        }
        catch (InvalidDataException e)
        {
            var detail = e.InnerException?.Message ?? e.Message;
            throw new ConfigurationProblemException($"The settings file {path} is not valid JSON ({detail.TrimEnd('.')}); correct it, or pass another file with --config.", e);
        }
    }

    /// <summary>The warehouse the settings point at.</summary>
    public static WarehouseOptions Warehouse(ParseResult parse)
    {
        return Settings.Bind<WarehouseOptions>(Configuration(parse), WarehouseOptions.Section, o => o.Validate());
    }

    /// <summary>The period a <c>--period</c> option names, in any form FORMATS.md allows.</summary>
    /// <exception cref="ConfigurationProblemException">It is not a period; the message says why.</exception>
    public static Period Period(string? text)
    {
        var parsed = PeriodParser.Parse(text);
        return parsed.Period ?? throw new ConfigurationProblemException($"--period: {parsed.Error}");
    }

    /// <summary>
    /// Runs a command body under the CLI's error policy: a problem with settings or input is one
    /// clear sentence and exit code 2, never a stack trace.
    /// </summary>
    public async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception e) when (e is ConfigurationProblemException or OptionsValidationException)
        {
            Console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return ExitCodes.UsageOrConfiguration;
        }
        catch (OperationCanceledException)
        {
            Console.MarkupLine("[yellow]Cancelled.[/]");
            return ExitCodes.UsageOrConfiguration;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or WarehouseException)
        {
            Console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return ExitCodes.UsageOrConfiguration;
        }
        catch (Exception e)
        {
            // Last resort: still one sentence for the operator; the details only when asked for.
            Console.MarkupLineInterpolated($"[red]pmf could not finish: {e.GetType().Name}: {e.Message} Set PMF_DEBUG=1 to see the details, and report it if it persists.[/]");
            if (Environment.GetEnvironmentVariable("PMF_DEBUG") == "1")
            {
                Console.WriteException(e);
            }

            return ExitCodes.UsageOrConfiguration;
        }
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

    /// <summary>Writes <paramref name="value"/> as indented JSON to standard output.</summary>
    public void WriteJson(object value) => Console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(value, JsonOptions));
}
