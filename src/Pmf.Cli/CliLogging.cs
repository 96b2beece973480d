using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Pmf.Cli.Serve;

namespace Pmf.Cli;

/// <summary>
/// Where <c>pmf</c>'s logs go: the console, one plain line each in the operator's format
/// (<see cref="ServeLogFormatter"/>). <c>pmf serve</c> logs what it does to standard output; every other
/// command prints its own result there, so its logs go to standard error and, unless the settings'
/// <c>Logging:LogLevel</c> section says otherwise, only its errors (a table already shows the rest).
/// </summary>
internal static class CliLogging
{
    /// <summary>The section that sets the levels, as in any .NET host (<c>Logging:LogLevel:Default</c>, <c>Logging__LogLevel__Default</c>).</summary>
    public const string Section = "Logging";

    /// <summary>Logs for a one-off command: errors only by default, on standard error.</summary>
    public static void Command(ILoggingBuilder logging, IConfiguration configuration) =>
        Console(logging, configuration, LogLevel.Error, standardError: true);

    /// <summary>Logs for <c>pmf serve</c>: what it does, on standard output.</summary>
    public static void Serve(ILoggingBuilder logging, IConfiguration configuration) =>
        Console(logging, configuration, LogLevel.Information, standardError: false);

    private static void Console(ILoggingBuilder logging, IConfiguration configuration, LogLevel level, bool standardError)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(level);
        logging.AddConfiguration(configuration.GetSection(Section));
        logging.AddConsole(o =>
            {
                o.FormatterName = ServeLogFormatter.Name;
                o.LogToStandardErrorThreshold = standardError ? LogLevel.Trace : LogLevel.None;
            })
            .AddConsoleFormatter<ServeLogFormatter, ConsoleFormatterOptions>();
    }
}
