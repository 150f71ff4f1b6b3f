using Microsoft.Extensions.Logging;

namespace FaxSdk.Diagnostics;

/// <summary>
/// FaxSdk's own resilience log event (id 1002, listed in <see cref="FaxSdkDiagnostics"/>); retries and circuit breaker
/// transitions are logged by Polly's telemetry. It carries the provider, instance, status code and durations: never a
/// credential, a body or a URL.
/// </summary>
internal static partial class FaxSdkLog
{
    [LoggerMessage(EventId = 1002, EventName = "RetryAfterTooLong", Level = LogLevel.Information,
        Message = "{Provider} ({Instance}): not retrying HTTP {StatusCode}: the provider asked to wait {RetryAfterSeconds:0.#} s (Retry-After), more than the {AllowedSeconds:0.#} s allowed; the caller gets the response.")]
    internal static partial void RetryAfterTooLong(ILogger logger, string provider, string instance, int statusCode, double retryAfterSeconds, double allowedSeconds);
}
