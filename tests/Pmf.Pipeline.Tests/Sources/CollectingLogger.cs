using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Pmf.Pipeline.Tests.Sources;

/// <summary>A hand-written logger that keeps every message and every structured value, to prove what was (not) logged.</summary>
public sealed class CollectingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<string> Entries { get; } = new();

    public string All => string.Join("\n", Entries);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join("; ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
        Entries.Enqueue($"{logLevel}: {formatter(state, exception)} | {values} | {exception}");
    }
}
