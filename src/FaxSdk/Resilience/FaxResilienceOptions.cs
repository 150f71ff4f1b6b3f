using System.ComponentModel.DataAnnotations;

namespace FaxSdk.Resilience;

/// <summary>
/// How FaxSdk retries, times out and breaks the circuit for one provider instance's HTTP requests. Set it through
/// <c>FaxProviderOptions.Resilience</c> in code or bind it from configuration, e.g.
/// <c>FaxSdk:Phaxio:Resilience:MaxRetryAttempts</c>. Names and defaults follow Microsoft's standard resilience handler
/// where they can; the retry base delay, circuit breaker ratio, throughput and break duration are tuned for status
/// polling.
/// </summary>
/// <remarks>
/// <para>The pipeline is: total timeout → retry → circuit breaker → per-attempt timeout. Only safe requests (GET, HEAD,
/// OPTIONS, PUT, DELETE, and POSTs marked with <see cref="FaxResilience.IdempotentRequest"/>) are retried; every request
/// counts towards the circuit breaker.</para>
/// <para>While the pipeline is on, <see cref="TotalTimeout"/> bounds a call (retries included) and the HttpClient's own
/// timeout is switched off; <c>FaxProviderOptions.Timeout</c> applies only when the pipeline is off
/// (<see cref="Enabled"/> is <see langword="false"/>, or the handler was removed or replaced).</para>
/// <para>The settings are read when the provider instance's first request is sent (and again after its options are
/// reloaded, which starts a new circuit breaker).</para>
/// </remarks>
public sealed class FaxResilienceOptions
{
    /// <summary>Run provider requests through the resilience pipeline. Default <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How long one call may take in all, retries and their delays included; then it fails with
    /// <see cref="FaxProviderUnavailableException"/>. Default 30 seconds; <see cref="Timeout.InfiniteTimeSpan"/> for none.
    /// </summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long one attempt may take before it is abandoned (and retried, if retries are left). Default 10 seconds;
    /// <see cref="Timeout.InfiniteTimeSpan"/> for none.
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times a failed safe request is retried (so at most this plus one attempts). Default 3; 0 turns retries off.</summary>
    [Range(0, 100)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>
    /// The first retry's delay; later ones grow exponentially (about 1, 2, 4 … times this, with jitter). Default
    /// 1 second.
    /// </summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest computed retry delay. Default 30 seconds. (A provider's <c>Retry-After</c> is bounded by <see cref="MaxRetryAfter"/> instead.)</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Randomise retry delays so that many clients do not retry in step. Default <see langword="true"/>.</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>
    /// The longest <c>Retry-After</c> (delta seconds or HTTP date) that is waited for before retrying. When a provider
    /// asks for longer, or for longer than is left of <see cref="TotalTimeout"/>, the response is returned without
    /// waiting, so the caller gets <see cref="FaxRateLimitedException"/> with the provider's
    /// <see cref="FaxRateLimitedException.RetryAfter"/> (a 503 gives <see cref="FaxProviderUnavailableException"/>).
    /// Default 60 seconds.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The share of failed attempts within <see cref="CircuitBreakerSamplingDuration"/> that opens the circuit, above 0
    /// and at most 1. Default 0.5 (half).
    /// </summary>
    [Range(0d, 1d, MinimumIsExclusive = true)]
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    /// <summary>How many attempts must have been made within the sampling duration before the circuit may open; at least 2. Default 10.</summary>
    [Range(2, int.MaxValue)]
    public int CircuitBreakerMinimumThroughput { get; set; } = 10;

    /// <summary>The window over which the failure ratio is measured; at least 0.5 seconds. Default 30 seconds.</summary>
    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long an open circuit refuses calls (failing fast with <see cref="FaxProviderUnavailableException"/>) before one
    /// probe request is let through; at least 0.5 seconds. Default 15 seconds.
    /// </summary>
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
