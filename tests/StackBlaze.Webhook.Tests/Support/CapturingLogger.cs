using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace StackBlaze.Webhook.Tests.Support;

/// <summary>Keeps what is logged, with level and event id, for tests to read.</summary>
internal sealed class CapturingLogger : ILogger
{
    public sealed record Entry(LogLevel Level, int EventId, string Message, Exception? Exception = null);

    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => [.. _entries];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _entries.Enqueue(new Entry(logLevel, eventId.Id, formatter(state, exception), exception));
}
