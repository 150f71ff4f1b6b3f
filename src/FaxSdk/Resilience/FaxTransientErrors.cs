using System.Globalization;
using Polly;
using Polly.Timeout;

namespace FaxSdk.Resilience;

/// <summary>Which outcomes of one attempt are transient (worth retrying, and failures for the circuit breaker).</summary>
internal static class FaxTransientErrors
{
    /// <summary>408, 429, 500, 502, 503, 504 and the CDN origin errors 520–524.</summary>
    internal static bool IsTransient(int status) => status is 408 or 429 or 500 or 502 or 503 or 504 or (>= 520 and <= 524);

    /// <summary>Network failures (<see cref="HttpRequestException"/>, <see cref="IOException"/>) and attempt timeouts.
    /// Cancellation is not transient.</summary>
    internal static bool IsTransient(Exception exception) => exception is HttpRequestException or IOException or TimeoutRejectedException;

    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } exception ? IsTransient(exception) : outcome.Result is { } response && IsTransient((int)response.StatusCode);

    /// <summary>A short, credential-free reason for logs and the retry tag: <c>503</c>, <c>attempt_timeout</c> or an exception type name.</summary>
    internal static string Reason(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        TimeoutRejectedException => "attempt_timeout",
        { } exception => exception.GetType().Name,
        null => outcome.Result is { } response ? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture) : "none",
    };

    /// <summary>A duration for messages: <c>250 ms</c>, <c>30 s</c> or <c>1.5 s</c>.</summary>
    internal static string Format(TimeSpan duration) =>
        duration == Timeout.InfiniteTimeSpan ? "infinite"
        : duration < TimeSpan.FromSeconds(1) ? $"{duration.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms"
        : $"{duration.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s";
}
