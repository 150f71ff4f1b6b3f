using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FaxSdk.Providers.Tests.Client;

/// <summary>Captures every log message (formatted, with its exception's message) into a queue.</summary>
internal sealed class ListLoggerProvider(ConcurrentQueue<string> logs) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new ListLogger(categoryName, logs);

    public void Dispose()
    {
    }

    private sealed class ListLogger(string category, ConcurrentQueue<string> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Enqueue($"{logLevel} {category}[{eventId.Id}] {formatter(state, exception)} {exception}");
    }
}
