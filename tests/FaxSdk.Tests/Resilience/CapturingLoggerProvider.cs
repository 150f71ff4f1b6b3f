using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FaxSdk.Tests.Resilience;

/// <summary>Keeps every log event (level, id, formatted message and structured values) for assertions.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider, ILoggerFactory
{
    public ConcurrentQueue<(string Category, LogLevel Level, EventId Id, string Message, string Values)> Events { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    public IEnumerable<int> Ids => Events.Select(e => e.Id.Id);

    /// <summary>The names of the resilience events Polly's telemetry logged (<c>OnRetry</c>, <c>OnCircuitOpened</c> …), in order.</summary>
    public IReadOnlyList<string> PollyEvents =>
        [.. Events.Where(e => e.Category == "Polly" && e.Id.Name == "ResilienceEvent").Select(e => e.Values.Split(';').First(v => v.StartsWith("EventName=", StringComparison.Ordinal))["EventName=".Length..])];

    public string AllText => string.Join("\n", Events.Select(e => $"{e.Category} {e.Level} {e.Id} {e.Message} {e.Values}"));

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            owner.Events.Enqueue((category, logLevel, eventId, formatter(state, exception) + (exception is null ? "" : " " + exception), values));
        }
    }
}
