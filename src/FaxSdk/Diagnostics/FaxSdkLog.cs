using Microsoft.Extensions.Logging;

namespace FaxSdk.Diagnostics;

/// <summary>
/// FaxSdk's log events (ids 1001–1006, listed in <see cref="FaxSdkDiagnostics"/>). They carry the provider, instance,
/// attempt numbers, delays and a reason (a status code or an exception type name): never a credential, a body or a URL.
/// </summary>
internal static partial class FaxSdkLog
{
    [LoggerMessage(EventId = 1001, EventName = "RetryScheduled", Level = LogLevel.Warning,
        Message = "{Provider} ({Instance}): attempt {Attempt} failed ({Reason}); retrying in {DelayMs:0} ms.")]
    internal static partial void RetryScheduled(ILogger logger, string provider, string instance, int attempt, string reason, double delayMs);

    [LoggerMessage(EventId = 1002, EventName = "RetryAfterTooLong", Level = LogLevel.Information,
        Message = "{Provider} ({Instance}): not retrying HTTP {StatusCode}: the provider asked to wait {RetryAfterSeconds:0.#} s (Retry-After), more than the {AllowedSeconds:0.#} s allowed; the caller gets the response.")]
    internal static partial void RetryAfterTooLong(ILogger logger, string provider, string instance, int statusCode, double retryAfterSeconds, double allowedSeconds);

    [LoggerMessage(EventId = 1003, EventName = "CircuitOpened", Level = LogLevel.Warning,
        Message = "{Provider} ({Instance}): circuit opened after repeated failures (last: {Reason}); requests fail fast for {BreakSeconds:0.#} s.")]
    internal static partial void CircuitOpened(ILogger logger, string provider, string instance, string reason, double breakSeconds);

    [LoggerMessage(EventId = 1004, EventName = "CircuitHalfOpened", Level = LogLevel.Information,
        Message = "{Provider} ({Instance}): circuit half-open; the next request probes the provider.")]
    internal static partial void CircuitHalfOpened(ILogger logger, string provider, string instance);

    [LoggerMessage(EventId = 1005, EventName = "CircuitClosed", Level = LogLevel.Information,
        Message = "{Provider} ({Instance}): circuit closed; requests flow again.")]
    internal static partial void CircuitClosed(ILogger logger, string provider, string instance);

    [LoggerMessage(EventId = 1006, EventName = "RequestFailedAfterRetries", Level = LogLevel.Warning,
        Message = "{Provider} ({Instance}): {Method} request failed after {Attempts} attempt(s) ({Reason}).")]
    internal static partial void RequestFailedAfterRetries(ILogger logger, string provider, string instance, string method, int attempts, string reason);
}
