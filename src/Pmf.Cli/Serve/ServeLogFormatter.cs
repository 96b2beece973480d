using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Pmf.Pipeline.Calendar;

namespace Pmf.Cli.Serve;

/// <summary>
/// <c>pmf serve</c>'s console log as an operator reads it: UK time, a level word and the message, one
/// line each. No type names or event ids (<c>Pmf.Pipeline.Jobs.IngestReturnJob[358687440]</c>); an
/// exception is named with its message, and its trace only under <c>PMF_DEBUG=1</c>.
/// </summary>
internal sealed class ServeLogFormatter(TimeProvider time) : ConsoleFormatter(Name)
{
    /// <summary>The formatter's name in the console options.</summary>
    public new const string Name = "pmf";

    /// <inheritdoc />
    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
        {
            return;
        }

        var now = TimeZoneInfo.ConvertTime(time.GetUtcNow(), UkClock.Zone);
        textWriter.Write(now.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        textWriter.Write(' ');
        textWriter.Write(Level(logEntry.LogLevel));
        textWriter.Write(OneLine(message));
        if (logEntry.Exception is { } e)
        {
            textWriter.Write($" ({e.GetType().Name}: {OneLine(e.Message)})");
            if (Environment.GetEnvironmentVariable("PMF_DEBUG") == "1")
            {
                textWriter.WriteLine();
                textWriter.Write(e.ToString());
            }
        }

        textWriter.WriteLine();
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Warning => "Warning: ",
        LogLevel.Error => "Error: ",
        LogLevel.Critical => "Critical: ",
        LogLevel.Debug or LogLevel.Trace => "Debug: ",
        _ => "",
    };

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
