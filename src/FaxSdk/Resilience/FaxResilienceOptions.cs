using System.ComponentModel.DataAnnotations;

namespace FaxSdk.Resilience;

/// <summary>
/// How FaxSdk retries, times out and breaks the circuit for one provider instance's HTTP requests. Set it through
/// <c>FaxProviderOptions.Resilience</c> in code or bind it from configuration, e.g.
/// <c>FaxSdk:Phaxio:Resilience:MaxRetryAttempts</c> or <c>FaxSdk:Phaxio:Instances:{name}:Resilience:…</c>. FaxSdk builds
/// the instance's pipeline from it with Microsoft.Extensions.Http.Resilience (<c>AddResilienceHandler</c>, pipeline
/// <see cref="FaxResilience.PipelineName"/>). Names and defaults follow Microsoft's standard resilience handler where they
/// can; the retry base delay, circuit breaker ratio, throughput and break duration are tuned for status polling.
/// </summary>
/// <remarks>
/// <para>The pipeline is: total timeout → retry → circuit breaker → per-attempt timeout. Only safe requests (GET, HEAD,
/// OPTIONS, PUT, DELETE, and requests marked with <see cref="FaxResilience.IdempotentRequest"/>) are retried; every request
/// counts towards the circuit breaker.</para>
/// <para>Timeouts: an attempt covers sending the request and reading the whole response body, and
/// <see cref="TotalTimeout"/> is the deadline of the whole call, retries included. The HttpClient's own timeout is
/// infinite; <c>FaxProviderOptions.Timeout</c> is the call's deadline only when no pipeline runs (<see cref="Enabled"/>
/// is <see langword="false"/>, or the resilience handlers were removed).</para>
/// <para>The pipeline is rebuilt when these settings change (a configuration reload that changes them), which starts a
/// new circuit breaker; a reload that leaves them as they were keeps the pipeline and its circuit breaker state.</para>
/// </remarks>
public sealed class FaxResilienceOptions
{
    /// <summary>
    /// Run provider requests through the resilience pipeline. Default <see langword="true"/>; <see langword="false"/>
    /// leaves the pipeline empty (requests pass straight through) and makes <c>FaxProviderOptions.Timeout</c> the call's
    /// deadline.
    /// </summary>
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

    /// <summary>A copy with the same values.</summary>
    internal FaxResilienceOptions Copy() => (FaxResilienceOptions)MemberwiseClone();

    /// <summary>Copies every value to <paramref name="target"/>.</summary>
    internal void CopyTo(FaxResilienceOptions target)
    {
        target.Enabled = Enabled;
        target.TotalTimeout = TotalTimeout;
        target.AttemptTimeout = AttemptTimeout;
        target.MaxRetryAttempts = MaxRetryAttempts;
        target.RetryBaseDelay = RetryBaseDelay;
        target.RetryMaxDelay = RetryMaxDelay;
        target.UseJitter = UseJitter;
        target.MaxRetryAfter = MaxRetryAfter;
        target.CircuitBreakerFailureRatio = CircuitBreakerFailureRatio;
        target.CircuitBreakerMinimumThroughput = CircuitBreakerMinimumThroughput;
        target.CircuitBreakerSamplingDuration = CircuitBreakerSamplingDuration;
        target.CircuitBreakerBreakDuration = CircuitBreakerBreakDuration;
    }

    /// <summary>Whether <paramref name="other"/> has the same values (so a pipeline built from either is the same).</summary>
    internal bool HasSameValues(FaxResilienceOptions other) =>
        Enabled == other.Enabled
        && TotalTimeout == other.TotalTimeout
        && AttemptTimeout == other.AttemptTimeout
        && MaxRetryAttempts == other.MaxRetryAttempts
        && RetryBaseDelay == other.RetryBaseDelay
        && RetryMaxDelay == other.RetryMaxDelay
        && UseJitter == other.UseJitter
        && MaxRetryAfter == other.MaxRetryAfter
        && CircuitBreakerFailureRatio.Equals(other.CircuitBreakerFailureRatio)
        && CircuitBreakerMinimumThroughput == other.CircuitBreakerMinimumThroughput
        && CircuitBreakerSamplingDuration == other.CircuitBreakerSamplingDuration
        && CircuitBreakerBreakDuration == other.CircuitBreakerBreakDuration;
}
