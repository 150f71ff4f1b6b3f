using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FaxSdk.AspNetCore.Tests;

/// <summary>Keeps every log line (category, event id, formatted message).</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, int EventId, string Message)> _entries = new();

    public IReadOnlyList<(string Category, int EventId, string Message)> Entries => [.. _entries];

    public IEnumerable<(string Category, int EventId, string Message)> Webhook =>
        Entries.Where(e => e.Category == FaxWebhookDiagnostics.LoggerCategory);

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(string, int, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((category, eventId.Id, formatter(state, exception) + (exception is null ? "" : " " + exception)));
    }
}
