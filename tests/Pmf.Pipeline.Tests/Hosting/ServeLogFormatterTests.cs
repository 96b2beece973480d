using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Pmf.Cli.Serve;

namespace Pmf.Pipeline.Tests.Hosting;

/// <summary>pmf serve's console log reads as sentences with a time, not as type names and event ids.</summary>
public sealed class ServeLogFormatterTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 7, 1, 8, 30, 5, TimeSpan.Zero));

    [Fact]
    public void A_line_is_the_uk_time_and_the_message_with_no_category_or_event_id()
    {
        var line = Write(LogLevel.Information, "Return HOU/q1.xlsx: Accepted", null);

        Assert.Equal("09:30:05 Return HOU/q1.xlsx: Accepted" + Environment.NewLine, line);
        Assert.DoesNotContain("Pmf.Pipeline", line, StringComparison.Ordinal);
        Assert.DoesNotContain("[", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_warning_says_so_and_an_exception_is_named_on_the_same_line()
    {
        var line = Write(LogLevel.Warning, "Return HOU/q1.xlsx left in returns/\nfor the next run", new IOException("disk full"));

        Assert.Equal("09:30:05 Warning: Return HOU/q1.xlsx left in returns/ for the next run (IOException: disk full)" + Environment.NewLine, line);
    }

    private static string Write(LogLevel level, string message, Exception? exception)
    {
        var writer = new StringWriter();
        new ServeLogFormatter(Clock).Write(
            new LogEntry<string>(level, "Pmf.Pipeline.Jobs.IngestReturnJob", new EventId(358687440, "Ingested"), message, exception, (s, _) => s),
            null,
            writer);
        return writer.ToString();
    }
}
